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

    /// <param name="queuePrefix">Queues of its own; without one the host shares its queues with every other Applications host of the run.</param>
    public static async Task<ApplicationsServiceHost> StartAsync(ServersFixture servers, CancellationToken cancellationToken, string? cache = null, string? queuePrefix = null)
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
            ["Messaging:QueuePrefix"] = queuePrefix,
        });
        // Starting the host migrates and seeds the database before the first call is served.
        host._channel = GrpcChannel.ForAddress("http://applications.test", new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        await host.CopyFundingPeriodAsync("2013", new DateOnly(2013, 1, 1), new DateOnly(2013, 12, 31), cancellationToken);
        return host;
    }

    /// <summary>
    /// Gives the host's copy of Funding's periods one period with the default caps, as Funding's <c>FundingPeriodChanged</c>
    /// would: these hosts run without Funding.
    /// </summary>
    public async Task CopyFundingPeriodAsync(string id, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO period_post_caps ("PeriodId", "StartDate", "EndDate", "TeacherFte", "SpecialistFte", "AdministrativeFte", "SupportFte", "Revision")
            VALUES (@id, @start, @end, 2.0, 2.0, 1.0, 0.5, -1) ON CONFLICT DO NOTHING
            """, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("start", start);
        insert.Parameters.AddWithValue("end", end);
        await insert.ExecuteNonQueryAsync(cancellationToken);
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
