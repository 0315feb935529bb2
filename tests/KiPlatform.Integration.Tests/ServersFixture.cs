using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;

[assembly: AssemblyFixture(typeof(KiPlatform.Integration.Tests.ServersFixture))]

namespace KiPlatform.Integration.Tests;

/// <summary>
/// The platform's real servers (PostgreSQL, RabbitMQ, Redis) as the AppHost runs them in local mode, without the
/// services, started once for the assembly on a fresh data root. Each test takes a database of its own.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(3);

    private readonly string _dataRoot = Directory.CreateTempSubdirectory("ki-integration-").FullName;
    private DistributedApplication? _app;

    public string PostgresConnectionString { get; private set; } = "";

    public string MessagingConnectionString { get; private set; } = "";

    public string CacheConnectionString { get; private set; } = "";

    /// <summary>The development mail server (smtp4dev): <c>smtp://host:port</c>.</summary>
    public string MailConnectionString { get; private set; } = "";

    /// <summary>smtp4dev's web address, whose HTTP API lists the mail it received.</summary>
    public Uri MailWeb { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(StartDeadline);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.KiPlatform_AppHost>(
            ["--Infrastructure:Mode=local", $"--Infrastructure:DataRoot={_dataRoot}", "--AppHost:InfrastructureOnly=true"],
            deadline.Token);
        _app = await builder.BuildAsync(deadline.Token);
        await _app.StartAsync(deadline.Token);
        foreach (var server in new[] { "postgres", "messaging", "cache", "mail" })
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(server, deadline.Token);
        }

        PostgresConnectionString = await ConnectionStringAsync("postgres", deadline.Token);
        MessagingConnectionString = await ConnectionStringAsync("messaging", deadline.Token);
        CacheConnectionString = await ConnectionStringAsync("cache", deadline.Token);
        MailConnectionString = await ConnectionStringAsync("mail", deadline.Token);
        MailWeb = _app.GetEndpoint("mail", "http");
    }

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(PostgresConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // Many service hosts run side by side here, each with its own pool: a small pool that lets idle connections go
        // soon keeps them all within the server's max_connections.
        return new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name, MaxPoolSize = 25, ConnectionIdleLifetime = 10 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Could not remove the test data root {_dataRoot}: {e.Message}");
        }
    }

    private async Task<string> ConnectionStringAsync(string resource, CancellationToken cancellationToken) =>
        await _app!.GetConnectionStringAsync(resource, cancellationToken)
            ?? throw new InvalidOperationException($"The AppHost gives no connection string for '{resource}'.");
}
