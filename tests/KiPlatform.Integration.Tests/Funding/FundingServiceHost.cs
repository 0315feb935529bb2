extern alias funding;
using Grpc.Net.Client;
using KiPlatform.Integration.Tests.Applications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using FundingDbContext = funding::KiPlatform.Funding.FundingDbContext;

namespace KiPlatform.Integration.Tests.Funding;

/// <summary>
/// The real Funding service on a test server against the fixture's PostgreSQL and RabbitMQ. Instances started with the
/// same database and queue prefix are several instances of one service, competing for its messages. Its calls to
/// Applications (a grant's addressee) go to the real Applications service on the test server given.
/// </summary>
internal sealed class FundingServiceHost : WebApplicationFactory<FundingDbContext>
{
    private readonly Dictionary<string, string?> settings;
    private readonly ApplicationsServiceHost applications;
    private readonly TimeProvider? clock;
    private GrpcChannel? _channel;

    private FundingServiceHost(Dictionary<string, string?> settings, ApplicationsServiceHost applications, TimeProvider? clock) =>
        (this.settings, this.applications, this.clock) = (settings, applications, clock);

    /// <summary>Starts an instance (migrating and seeding its database) with an Applications service of its own to call.</summary>
    public static async Task<FundingServiceHost> StartAsync(ServersFixture servers, string database, string queuePrefix, TimeProvider? clock = null)
    {
        var applications = await ApplicationsServiceHost.StartAsync(servers, TestContext.Current.CancellationToken);
        var host = new FundingServiceHost(Settings(servers, database, queuePrefix), applications, clock);
        _ = host.Server;
        return host;
    }

    public string Database => settings[$"ConnectionStrings:{FundingDbContext.ConnectionName}"]!;

    public static Dictionary<string, string?> Settings(ServersFixture servers, string database, string queuePrefix) => new()
    {
        [$"ConnectionStrings:{FundingDbContext.ConnectionName}"] = database,
        ["ConnectionStrings:messaging"] = servers.MessagingConnectionString,
        ["Authentication:DevelopmentSigningKey"] = ApplicationsServiceHost.SigningKey,
        ["Paging:TokenKey"] = new string('k', 64),
        ["Messaging:QueuePrefix"] = queuePrefix,
        ["Funding:IssueInterval"] = "00:00:00.100",
        ["Funding:FinalityInterval"] = "00:00:01",
        ["Funding:MetricsInterval"] = "00:00:01",
        ["ConnectionStrings:cache"] = servers.CacheConnectionString,
        ["Services:applications:http:0"] = "http://applications.test",
        // No Staffing here: vacancy figures stay unfetched, and what a grant owes makes no deduction.
        ["Services:staffing:http:0"] = "http://staffing.test",
        ["Funding:ScheduleInterval"] = "00:00:01",
        ["Messaging:ConsumeRetryMinInterval"] = "00:00:00.050",
        ["Messaging:ConsumeRetryMaxInterval"] = "00:00:00.200",
    };

    /// <summary>The Applications service this instance calls: the municipalities grants are addressed to.</summary>
    public ApplicationsServiceHost Applications => applications;

    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress("http://funding.test", new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <summary>Adds a funding period with its budget, the default rates and caps, and its first history entry, unless it is there.</summary>
    public static async Task AddPeriodAsync(string database, string id, DateOnly start, DateOnly end, long budgetCents)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO funding_periods ("Id", start_date, end_date, "BudgetCents", "SpecialistRatePerFteYearCents", "AdministrativeRatePerFteYearCents",
                "SupportRatePerHalfFteYearCents", "PostCaps_TeacherMilli", "PostCaps_SpecialistMilli", "PostCaps_AdministrativeMilli", "PostCaps_SupportMilli")
            VALUES (@id, @start, @end, @budget, 5000000, 5000000, 2000000, 2000, 2000, 1000, 500) ON CONFLICT DO NOTHING;
            INSERT INTO funding_period_changes ("PeriodId", "Position", "What", "Why", "At", "By") VALUES (@id, 1, 'Added', 'test', now(), 'funding')
                ON CONFLICT DO NOTHING;
            """, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("start", start);
        insert.Parameters.AddWithValue("end", end);
        insert.Parameters.AddWithValue("budget", budgetCents);
        await insert.ExecuteNonQueryAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        var routes = new Dictionary<string, HttpMessageHandler> { ["applications.test"] = applications.Server.CreateHandler() };
        builder.ConfigureTestServices(services =>
        {
            RoutingHandler.RouteTo(services, routes);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        await base.DisposeAsync();
        await applications.DisposeAsync();
    }
}
