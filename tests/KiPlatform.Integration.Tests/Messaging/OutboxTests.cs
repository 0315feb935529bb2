using System.Collections.Concurrent;
using System.Diagnostics;
using KiPlatform.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiPlatform.Integration.Tests.Messaging;

/// <summary>The transactional outbox against real PostgreSQL and RabbitMQ.</summary>
[Collection(SequentialMessagingTests.Name)]
public sealed class OutboxTests(ServersFixture servers)
{
    private static readonly ActivitySource CommandSource = new("KiPlatform.Integration.Tests");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_committed_by_an_instance_that_died_before_publishing_is_delivered_by_the_next_start()
    {
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var run = Guid.NewGuid();

        // The "crashed" instance: it committed its state change and events, and no dispatcher ever ran.
        await using (var db = new ProbeDbContext(ProbeDbContext.Options(database)))
        {
            var outbox = new EventOutbox<ProbeDbContext>(db, TimeProvider.System);
            db.Receipts.Add(new Receipt { Run = run, Sequence = -1, Kind = "state change" });
            outbox.Add(new Probe(run, 1));
            outbox.Add(new Probe(run, 2));
            await db.SaveChangesAsync(Cancellation);
        }

        Assert.Equal(2, await ProbeHost.PendingOutboxRowsAsync(database, Cancellation));

        using var restarted = await ProbeHost.StartAsync(servers, database, $"crash-{run:N}", consumers: true, cancellationToken: Cancellation);
        var receipts = await Eventually.MatchesAsync(
            ct => ProbeHost.ReceiptsAsync(database, run, ct),
            r => r.Count(x => x.Kind == "handled") == 2,
            "both events committed before the crash are consumed");

        Assert.Equal([1, 2], receipts.Where(r => r.Kind == "handled").Select(r => r.Sequence).Order());
        await Eventually.MatchesAsync(ct => ProbeHost.PendingOutboxRowsAsync(database, ct), pending => pending == 0, "the outbox rows are marked sent");
        await restarted.StopAsync(Cancellation);
    }

    [Fact]
    public async Task A_state_change_rolled_back_publishes_nothing()
    {
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var run = Guid.NewGuid();

        await using (var db = new ProbeDbContext(ProbeDbContext.Options(database)))
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
                new EventOutbox<ProbeDbContext>(db, TimeProvider.System).Add(new Probe(run, 1));
                await db.SaveChangesAsync(Cancellation);
                await transaction.RollbackAsync(Cancellation);
            });
        }

        Assert.Equal(0, await ProbeHost.PendingOutboxRowsAsync(database, Cancellation));
    }

    [Fact]
    public async Task Two_instances_each_running_several_dispatch_rounds_at_once_publish_every_row_exactly_once()
    {
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var run = Guid.NewGuid();
        var published = new ConcurrentQueue<(Guid MessageId, string Host)>();

        using var first = await ProbeHost.StartAsync(servers, database, $"dispatch-a-{run:N}", consumers: false,
            services => services.AddPublishObserver(_ => new PublishLog(published, "a")).Configure<KiPlatform.Messaging.MessagingOptions>(o => o.DispatchConcurrency = 3), Cancellation);
        using var second = await ProbeHost.StartAsync(servers, database, $"dispatch-b-{run:N}", consumers: false,
            services => services.AddPublishObserver(_ => new PublishLog(published, "b")).Configure<KiPlatform.Messaging.MessagingOptions>(o => o.DispatchConcurrency = 3), Cancellation);

        const int count = 1000;
        await using (var db = new ProbeDbContext(ProbeDbContext.Options(database)))
        {
            var outbox = new EventOutbox<ProbeDbContext>(db, TimeProvider.System);
            for (var sequence = 0; sequence < count; sequence++)
            {
                outbox.Add(new Probe(run, sequence));
            }

            await db.SaveChangesAsync(Cancellation);
        }

        // A row is marked sent only after its publish was confirmed, so once none is pending every publish is logged.
        await Eventually.MatchesAsync(ct => ProbeHost.PendingOutboxRowsAsync(database, ct), pending => pending == 0, "all rows are sent");

        Assert.Equal(count, published.Count);
        Assert.Equal(count, published.Select(p => p.MessageId).Distinct().Count());
        await Task.WhenAll(first.StopAsync(Cancellation), second.StopAsync(Cancellation));
    }

    [Fact]
    public async Task The_consumer_continues_the_trace_of_the_command_that_raised_the_event()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("KiPlatform", StringComparison.Ordinal) || source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var run = Guid.NewGuid();
        using var host = await ProbeHost.StartAsync(servers, database, $"trace-{run:N}", consumers: true, cancellationToken: Cancellation);

        ActivityTraceId commandTrace;
        using (var command = CommandSource.StartActivity("command"))
        {
            Assert.NotNull(command);
            commandTrace = command.TraceId;
            await using var db = new ProbeDbContext(ProbeDbContext.Options(database));
            new EventOutbox<ProbeDbContext>(db, TimeProvider.System).Add(new Probe(run, 1));
            await db.SaveChangesAsync(Cancellation);
        }

        var receipts = await Eventually.MatchesAsync(ct => ProbeHost.ReceiptsAsync(database, run, ct), r => r.Count == 1, "the event is consumed");
        Assert.Equal(commandTrace.ToString(), receipts[0].TraceId);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task Dispatch_follows_the_commit_without_waiting_for_the_poll_interval()
    {
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var run = Guid.NewGuid();
        // Only the commit signal can make the events arrive before the deadline below.
        using var host = await ProbeHost.StartAsync(servers, database, $"latency-{run:N}", consumers: true, ProbeHost.OnlyCommitsWakeTheDispatcher, Cancellation);

        // A command as a service handles it, with the outbox of its request scope: once saved on its own, once in an
        // explicit transaction.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            scope.ServiceProvider.GetRequiredService<EventOutbox<ProbeDbContext>>().Add(new Probe(run, 1));
            await db.SaveChangesAsync(Cancellation);
        }

        await Eventually.MatchesAsync(ct => ProbeHost.ReceiptsAsync(database, run, ct), r => r.Count == 1, "the first event is consumed",
            TimeSpan.FromSeconds(10));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
                scope.ServiceProvider.GetRequiredService<EventOutbox<ProbeDbContext>>().Add(new Probe(run, 2));
                await db.SaveChangesAsync(Cancellation);
                await transaction.CommitAsync(Cancellation);
            });
        }

        await Eventually.MatchesAsync(ct => ProbeHost.ReceiptsAsync(database, run, ct), r => r.Count == 2, "the second event is consumed",
            TimeSpan.FromSeconds(10));
        await host.StopAsync(Cancellation);
    }
}

[CollectionDefinition(Name)]
public sealed class SequentialMessagingTests
{
    /// <summary>
    /// Messaging tests run one after another: they share the broker's Probe exchange, and each host's queue would
    /// otherwise also receive (and be slowed by) the events of tests running beside it.
    /// </summary>
    public const string Name = "messaging";
}
