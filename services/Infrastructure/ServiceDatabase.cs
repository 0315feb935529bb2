using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        builder.AddNpgsqlDbContext<TContext>(connectionName);
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        return builder;
    }
}
