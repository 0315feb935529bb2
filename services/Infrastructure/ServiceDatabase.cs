using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KiPlatform.Infrastructure;

/// <summary>A service's own PostgreSQL database: its system of record.</summary>
public static class ServiceDatabase
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the connection string <paramref name="connectionName"/>, with
    /// health check, tracing and metrics, and migrates the schema at start-up before the service accepts calls.
    /// </summary>
    public static TBuilder AddServiceDatabase<TContext, TBuilder>(this TBuilder builder, string connectionName)
        where TContext : DbContext
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDbContext<TContext>(connectionName, settings =>
        {
            // No retries inside a call: with the database gone, Aspire's default retrying strategy held each call for up
            // to a minute, past any caller's deadline. A call fails at once with UNAVAILABLE (which its caller retries
            // with the same request_id), a consumer's message is redelivered by the bus, a background round runs again.
            settings.DisableRetry = true;
            if (settings.ConnectionString is { } connectionString)
            {
                settings.ConnectionString = WithServiceDefaults(connectionString);
            }
        });
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        // Transient: the deferred service itself is scoped; the wrapper needs no tracking by the request's scope.
        builder.Services.AddTransient(typeof(Deferred<>));
        return builder;
    }

    /// <summary>
    /// How every service talks to its database, unless its connection string says otherwise. A service runs the same
    /// few statements (commands, outbox, message deduplication) thousands of times: PostgreSQL parses and plans each once per connection
    /// instead of every time (auto-prepare). A pooled connection goes back to the pool as it is, without a reset on its
    /// next use: the services keep no session state (their advisory locks end with the transaction, they set nothing
    /// and listen to nothing).
    /// </summary>
    public static string WithServiceDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = 64;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }
}
