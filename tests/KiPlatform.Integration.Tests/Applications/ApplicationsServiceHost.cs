using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.Applications;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KiPlatform.Integration.Tests.Applications;

/// <summary>
/// The real Applications service (its Program, migrations and seeders) on an in-memory test server, against the
/// fixture's PostgreSQL (a database of its own), RabbitMQ and Redis.
/// </summary>
internal sealed class ApplicationsServiceHost : WebApplicationFactory<ApplicationsDbContext>
{
    /// <summary>The key every service host of these tests signs and checks development tokens with.</summary>
    internal const string SigningKey = "applications-integration-signing-key-0123456789";

    private readonly Dictionary<string, string?> _settings;
    private GrpcChannel? _channel;

    private ApplicationsServiceHost(Dictionary<string, string?> settings) => _settings = settings;

    public string Database => _settings[$"ConnectionStrings:{ApplicationsDbContext.ConnectionName}"]!;

    public static async Task<ApplicationsServiceHost> StartAsync(ServersFixture servers, CancellationToken cancellationToken, string? cache = null)
    {
        var host = new ApplicationsServiceHost(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ApplicationsDbContext.ConnectionName}"] = await servers.CreateDatabaseAsync(cancellationToken),
            ["ConnectionStrings:messaging"] = servers.MessagingConnectionString,
            ["ConnectionStrings:cache"] = cache ?? servers.CacheConnectionString,
            ["Authentication:DevelopmentSigningKey"] = SigningKey,
            ["Paging:TokenKey"] = new string('k', 64),
            ["Applications:StatusCountInterval"] = "00:00:01",
            ["Applications:WatchPollInterval"] = "00:00:01",
        });
        // Starting the host migrates and seeds the database before the first call is served.
        host._channel = GrpcChannel.ForAddress("http://applications.test", new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        return host;
    }

    public ApplicationService.ApplicationServiceClient Applications => new(_channel!);

    public MunicipalityService.MunicipalityServiceClient Municipalities => new(_channel!);

    public static Metadata As(string role, string? ags = null, string? subject = null) => new()
    {
        { "authorization", $"Bearer {DevelopmentTokens.Create(SigningKey, role, ags, TimeSpan.FromMinutes(10), TimeProvider.System, subject)}" },
    };

    public static Metadata Municipality(string ags) => As(Roles.Municipality, ags);

    public static Metadata Mais => As(Roles.Mais);

    public static Metadata Msw => As(Roles.Msw);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
    }
}
