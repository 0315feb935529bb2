extern alias funding;
extern alias staffing;
using Grpc.Net.Client;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.Integration.Tests.Funding;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Staffing.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FundingDbContext = funding::KiPlatform.Funding.FundingDbContext;
using StaffingDbContext = staffing::KiPlatform.Staffing.StaffingDbContext;

namespace KiPlatform.Integration.Tests.Staffing;

/// <summary>
/// The real Staffing service with the real Applications and Funding services it calls, each on an in-memory test server
/// with a database of its own, against the fixture's RabbitMQ and Redis. Staffing's queues are its own, so approvals
/// published by tests beside it reach it too: tests use municipalities no other test class uses.
/// </summary>
internal sealed class StaffingStack : IAsyncDisposable
{
    private readonly ServersFixture _servers;
    private ApplicationsServiceHost _applications = null!;
    private ServiceHost<FundingDbContext> _funding = null!;
    private ServiceHost<StaffingDbContext> _staffing = null!;
    private GrpcChannel _channel = null!;
    private GrpcChannel _fundingChannel = null!;
    private readonly Dictionary<string, HttpMessageHandler> _fundingRoutes = [];
    private bool _staffingStopped;

    private StaffingStack(ServersFixture servers) => _servers = servers;

    public PostPlanService.PostPlanServiceClient PostPlans => new(_channel);

    public ApplicationsServiceHost Applications => _applications;

    public IServiceProvider StaffingServices => _staffing.Services;

    /// <summary>The Funding service of the stack, which reads vacancy from its Staffing service.</summary>
    public GrpcChannel FundingChannel => _fundingChannel;

    public string FundingDatabase => _funding.Database;

    /// <summary>Stops the Staffing service: Funding's calls to it fail from now on, as they would with Staffing down.</summary>
    public async Task StopStaffingAsync()
    {
        lock (_fundingRoutes)
        {
            _fundingRoutes.Remove("staffing.test");
        }

        _staffingStopped = true;
        await _staffing.DisposeAsync();
    }

    public static async Task<StaffingStack> StartAsync(ServersFixture servers, CancellationToken cancellationToken)
    {
        var stack = new StaffingStack(servers);
        stack._applications = await ApplicationsServiceHost.StartAsync(servers, cancellationToken);
        var applicationsHandler = stack._applications.Server.CreateHandler();
        stack._fundingRoutes["applications.test"] = applicationsHandler;
        stack._funding = new ServiceHost<FundingDbContext>(new()
        {
            [$"ConnectionStrings:{FundingDbContext.ConnectionName}"] = await servers.CreateDatabaseAsync(cancellationToken),
            ["ConnectionStrings:messaging"] = servers.MessagingConnectionString,
            ["ConnectionStrings:cache"] = servers.CacheConnectionString,
            ["Authentication:DevelopmentSigningKey"] = ApplicationsServiceHost.SigningKey,
            ["Paging:TokenKey"] = new string('k', 64),
            ["Messaging:QueuePrefix"] = $"funding-test-{Guid.NewGuid():N}",
            ["Services:applications:http:0"] = "http://applications.test",
            ["Services:staffing:http:0"] = "http://staffing.test",
            ["Funding:IssueInterval"] = "00:00:00.100",
            ["Funding:VacancyRefreshInterval"] = "00:00:00.200",
            ["Messaging:ConsumeRetryMinInterval"] = "00:00:00.050",
            ["Messaging:ConsumeRetryMaxInterval"] = "00:00:00.200",
        }, routes: stack._fundingRoutes);
        _ = stack._funding.Server; // starts it: migrates and seeds
        var fundingHandler = stack._funding.Server.CreateHandler();
        stack._staffing = new ServiceHost<StaffingDbContext>(new()
        {
            [$"ConnectionStrings:{StaffingDbContext.ConnectionName}"] = await servers.CreateDatabaseAsync(cancellationToken),
            ["ConnectionStrings:messaging"] = servers.MessagingConnectionString,
            ["ConnectionStrings:cache"] = servers.CacheConnectionString,
            ["Authentication:DevelopmentSigningKey"] = ApplicationsServiceHost.SigningKey,
            ["Paging:TokenKey"] = new string('k', 64),
            ["Messaging:QueuePrefix"] = $"staffing-test-{Guid.NewGuid():N}",
            ["Messaging:ConsumeRetryMinInterval"] = "00:00:00.050",
            ["Messaging:ConsumeRetryMaxInterval"] = "00:00:00.200",
            ["Services:applications:http:0"] = "http://applications.test",
            ["Services:funding:http:0"] = "http://funding.test",
            ["Staffing:FillCountInterval"] = "00:00:01",
        }, routes: new() { ["applications.test"] = applicationsHandler, ["funding.test"] = fundingHandler });
        stack._channel = GrpcChannel.ForAddress("http://staffing.test", new GrpcChannelOptions { HttpHandler = stack._staffing.Server.CreateHandler() });
        lock (stack._fundingRoutes)
        {
            stack._fundingRoutes["staffing.test"] = stack._staffing.Server.CreateHandler();
        }

        stack._fundingChannel = GrpcChannel.ForAddress("http://funding.test", new GrpcChannelOptions { HttpHandler = fundingHandler });
        return stack;
    }

    /// <summary>Adds a funding period to Funding's record (Funding seeds 2013 and the current year).</summary>
    public Task AddFundingPeriodAsync(string id, DateOnly start, DateOnly end) =>
        FundingServiceHost.AddPeriodAsync(_funding.Database, id, start, end, 983_000_000);

    public Task PublishAsync(ApplicationApproved approved, Guid messageId) => ApprovalPublisher.PublishAsync(_servers.MessagingConnectionString, approved, messageId);

    public Task<long> ScalarAsync(string sql) => TestDatabase.ScalarAsync(_staffing.Database, sql);

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        _fundingChannel.Dispose();
        if (!_staffingStopped)
        {
            await _staffing.DisposeAsync();
        }

        await _funding.DisposeAsync();
        await _applications.DisposeAsync();
    }

    /// <summary>A service on a test server; its calls to other services go to the test servers named by host.</summary>
    private sealed class ServiceHost<TEntryPoint>(Dictionary<string, string?> settings, Dictionary<string, HttpMessageHandler> routes)
        : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
    {
        public string Database => settings.First(s => s.Key.StartsWith("ConnectionStrings:", StringComparison.Ordinal) && s.Key.EndsWith("db", StringComparison.Ordinal)).Value!;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.ClearProviders());
            if (routes.Count > 0)
            {
                builder.ConfigureTestServices(services => RoutingHandler.RouteTo(services, routes));
            }
        }
    }
}
