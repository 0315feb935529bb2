using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KiPlatform.AppHost.Infrastructure.Local;

internal static partial class LocalPostgres
{
    public static IResourceBuilder<LocalServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, LocalServerBinaries binaries, DataRoot root)
    {
        var secret = root.Credential(name);
        var password = builder.AddGeneratedPassword(root, name);
        var dataDirectory = PostgresCluster.EnsureInitialised(binaries, root, secret);
        var asRoot = Privileges.RunningAsRoot;
        var server = builder.AddLocalServer(name, PostgresCommandLine.ServerCommand(binaries, asRoot), root.Path, ProtocolProbe.Postgres,
            endpoint => ReferenceExpression.Create(
                $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={password.Resource}"));
        return server.WithArgs([.. PostgresCommandLine.ServerArguments(binaries, dataDirectory, server.ServerPort(), asRoot)]);
    }

    /// <summary>
    /// A database of its own for one service. It is created once the server answers; until it exists and accepts
    /// connections, the resource is not healthy, so a service waiting for it never races its creation.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalServerResource> server, string name)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, server.Resource);
        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (ready, cancellationToken) =>
        {
            var notifications = ready.Services.GetRequiredService<ResourceNotificationService>();
            try
            {
                await UntilPostgresAccepts.Pipeline.ExecuteAsync(
                    async ct => await CreateIfMissingAsync(server.Resource, name, ct), cancellationToken);
            }
            catch (NpgsqlException e)
            {
                // Shown on the dashboard: the services waiting for this database say why they never start.
                LogDatabaseNotCreated(ready.Services.GetRequiredService<ResourceLoggerService>().GetLogger(database), e, name);
                await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.FailedToStart });
                return;
            }

            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        });

        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new DatabaseHealthCheck(database), failureStatus: null, tags: null));
        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithHealthCheck(healthCheckKey);
    }

    private static async Task CreateIfMissingAsync(LocalServerResource server, string databaseName, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection($"{connectionString};Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = databaseName } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name is one of our own resource names, quoted all the same.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create database {Database}; the server did not accept connections")]
    private static partial void LogDatabaseNotCreated(ILogger logger, Exception exception, string database);

    private sealed class DatabaseHealthCheck(LocalPostgresDatabaseResource database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await using var connection = new NpgsqlConnection($"{connectionString};Pooling=false;Timeout=3");
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy($"Database {database.DatabaseName} does not accept connections yet.", e);
            }
        }
    }
}
