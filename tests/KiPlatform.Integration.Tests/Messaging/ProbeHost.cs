using KiPlatform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiPlatform.Integration.Tests.Messaging;

/// <summary>
/// A service instance in miniature, wired exactly as the services are (<see cref="ServiceBus.AddServiceMessaging{TContext}"/>)
/// against the real broker and a test database. Each host gets queues of its own unless it shares a name.
/// </summary>
public static class ProbeHost
{
    /// <summary>Fast retries, so a poison message reaches the error queue within a test's patience.</summary>
    public const int RetryLimit = 2;

    /// <summary>
    /// Polling far beyond any test's deadline: events committed after start arrive in time only if a commit signal woke
    /// the dispatcher.
    /// </summary>
    public static void OnlyCommitsWakeTheDispatcher(IServiceCollection services) =>
        services.Configure<MessagingOptions>(options => options.DispatchPollInterval = TimeSpan.FromMinutes(10));

    /// <summary>The error queue of a host's receipt consumer, by the endpoint names ServiceBus gave the host.</summary>
    public static string ReceiptErrorQueue(IHost host) =>
        host.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<ReceiptConsumer>() + "_error";

    public static async Task<IHost> StartAsync(
        ServersFixture servers,
        string databaseConnectionString,
        string name,
        bool consumers,
        Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = $"KiPlatform.probe-{name}",
            EnvironmentName = Environments.Development,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = servers.MessagingConnectionString,
            ["Messaging:ConsumeRetryLimit"] = RetryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:ConsumeRetryMinInterval"] = "00:00:00.010",
            ["Messaging:ConsumeRetryMaxInterval"] = "00:00:00.050",
            ["Messaging:DispatchBatchSize"] = "50",
        });
        builder.Services.AddDbContext<ProbeDbContext>(options =>
            options.UseNpgsql(databaseConnectionString, npgsql => npgsql.EnableRetryOnFailure()));
        builder.Services.AddSingleton<AttemptLog>();
        builder.AddServiceMessaging<ProbeDbContext>(bus =>
        {
            if (consumers)
            {
                bus.AddConsumer<ReceiptConsumer>();
                bus.AddConsumer<ProbeFaultConsumer>();
            }
        });
        configure?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    public static async Task<List<Receipt>> ReceiptsAsync(string databaseConnectionString, Guid run, CancellationToken cancellationToken)
    {
        await using var db = new ProbeDbContext(ProbeDbContext.Options(databaseConnectionString));
        return await db.Receipts.AsNoTracking().Where(r => r.Run == run).ToListAsync(cancellationToken);
    }

    public static async Task<int> PendingOutboxRowsAsync(string databaseConnectionString, CancellationToken cancellationToken)
    {
        await using var db = new ProbeDbContext(ProbeDbContext.Options(databaseConnectionString));
        return await db.Set<KiPlatform.Messaging.Outbox.OutboxMessage>().CountAsync(m => m.SentAt == null, cancellationToken);
    }
}
