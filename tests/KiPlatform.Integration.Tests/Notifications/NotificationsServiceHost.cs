extern alias notifications;
using Grpc.Net.Client;
using KiPlatform.Integration.Tests.Applications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using NotificationsDbContext = notifications::KiPlatform.Notifications.NotificationsDbContext;

namespace KiPlatform.Integration.Tests.Notifications;

/// <summary>
/// The real Notifications service on a test server against the fixture's PostgreSQL and RabbitMQ, with queues of its
/// own (so every event published reaches it), calling the real Applications service on a test server for names.
/// </summary>
internal sealed class NotificationsServiceHost : WebApplicationFactory<NotificationsDbContext>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly ApplicationsServiceHost _applications;
    private readonly Dictionary<string, HttpMessageHandler> _routes;
    private GrpcChannel? _channel;

    private NotificationsServiceHost(Dictionary<string, string?> settings, ApplicationsServiceHost applications, Dictionary<string, HttpMessageHandler> routes) =>
        (_settings, _applications, _routes) = (settings, applications, routes);

    /// <summary>The Applications service this instance reads names and contacts from.</summary>
    public ApplicationsServiceHost ApplicationsHost => _applications;

    public string Database => _settings[$"ConnectionStrings:{NotificationsDbContext.ConnectionName}"]!;

    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress("http://notifications.test", new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <summary>Starts an instance (migrating its database); instances given the same database and queue prefix compete as one service.</summary>
    /// <param name="streamPollInterval">How long live streams wait for a wake-up; long, to show that a wake-up (Redis) brought an item.</param>
    /// <param name="funding">The Funding service the grant notices mailed come from; none, and no notice can be attached.</param>
    /// <param name="mailServer">The SMTP server, <c>smtp://host:port</c>; the fixture's by default.</param>
    /// <param name="mailAttempts">Attempts before a mail is marked failed.</param>
    public static async Task<NotificationsServiceHost> StartAsync(
        ServersFixture servers, string database, string queuePrefix, TimeSpan? streamPollInterval = null, HttpMessageHandler? funding = null, string? mailServer = null,
        int mailAttempts = 12)
    {
        var applications = await ApplicationsServiceHost.StartAsync(servers, TestContext.Current.CancellationToken);
        var routes = new Dictionary<string, HttpMessageHandler> { ["applications.test"] = applications.Server.CreateHandler() };
        if (funding is not null)
        {
            routes["funding.test"] = funding;
        }

        var host = new NotificationsServiceHost(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{NotificationsDbContext.ConnectionName}"] = database,
            ["ConnectionStrings:messaging"] = servers.MessagingConnectionString,
            ["ConnectionStrings:cache"] = servers.CacheConnectionString,
            ["Inbox:StreamPollInterval"] = (streamPollInterval ?? TimeSpan.FromSeconds(5)).ToString(),
            ["Authentication:DevelopmentSigningKey"] = ApplicationsServiceHost.SigningKey,
            ["Paging:TokenKey"] = new string('k', 64),
            ["Messaging:QueuePrefix"] = queuePrefix,
            ["Messaging:ConsumeRetryMinInterval"] = "00:00:00.050",
            ["Messaging:ConsumeRetryMaxInterval"] = "00:00:00.200",
            ["Services:applications:http:0"] = "http://applications.test",
            ["Services:funding:http:0"] = "http://funding.test",
            ["ConnectionStrings:mail"] = mailServer ?? servers.MailConnectionString,
            ["Mail:PollInterval"] = "00:00:00.100",
            ["Mail:FirstRetry"] = "00:00:00.200",
            ["Mail:MaxAttempts"] = mailAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, applications, routes);
        _ = host.Server;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services => RoutingHandler.RouteTo(services, _routes));
    }

    public override async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        await base.DisposeAsync();
        await _applications.DisposeAsync();
    }
}
