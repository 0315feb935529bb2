using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KiPlatform.Infrastructure;

/// <summary>
/// Applies pending EF Core migrations during host start-up. Hosted services start before Kestrel listens, so no call
/// reaches a schema that is not there yet. Several instances starting together are safe: EF Core takes a database
/// lock around migrating.
/// </summary>
internal sealed partial class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await CreateHistoryTableAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(typeof(TContext).Name);
        foreach (var seeder in scope.ServiceProvider.GetServices<IDatabaseSeeder<TContext>>())
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// EF Core reads the migrations history before it creates the table, so on a new database the first read fails and
    /// both PostgreSQL and EF Core log an error for a healthy start. Created first, under a lock so that instances
    /// starting together do not race on the catalogue, the table is there to be read.
    /// </summary>
    private static async Task CreateHistoryTableAsync(TContext db, CancellationToken cancellationToken)
    {
        var createScript = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('__EFMigrationsHistory'))", cancellationToken);
        await db.Database.ExecuteSqlRawAsync(createScript, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {Context} is migrated to the current schema")]
    private partial void LogMigrated(string context);
}
