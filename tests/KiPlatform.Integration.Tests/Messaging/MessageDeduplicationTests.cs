using KiPlatform.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace KiPlatform.Integration.Tests.Messaging;

/// <summary>Message deduplication and consumer failure handling against real PostgreSQL and RabbitMQ.</summary>
[Collection(SequentialMessagingTests.Name)]
public sealed class MessageDeduplicationTests(ServersFixture servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_delivered_again_after_it_was_handled_has_one_effect()
    {
        var (database, run, host) = await StartConsumerAsync("duplicate");
        using var _ = host;
        using var duplicates = Collector(host, "ki.consumer.duplicates");
        var messageId = NewId.NextGuid();
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new Probe(run, 1), context => context.MessageId = messageId, Cancellation);
        await Eventually.MatchesAsync(ct => ProbeHost.ReceiptsAsync(database, run, ct), r => r.Count == 1, "the first delivery is handled");
        await bus.Publish(new Probe(run, 1), context => context.MessageId = messageId, Cancellation);
        await duplicates.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(30));

        Assert.Single(await ProbeHost.ReceiptsAsync(database, run, Cancellation));
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task Copies_of_one_message_delivered_at_the_same_time_have_one_effect()
    {
        var (database, run, host) = await StartConsumerAsync("concurrent");
        using var _ = host;
        using var consumed = Collector(host, "ki.consumer.consumed");
        using var duplicates = Collector(host, "ki.consumer.duplicates");
        var messageId = NewId.NextGuid();
        var bus = host.Services.GetRequiredService<IBus>();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            bus.Publish(new Probe(run, 1), context => context.MessageId = messageId, Cancellation)));
        await duplicates.WaitForMeasurementsAsync(4, TimeSpan.FromSeconds(30));

        Assert.Equal(1, consumed.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Single(await ProbeHost.ReceiptsAsync(database, run, Cancellation));
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_with_a_fault_while_the_messages_behind_it_are_handled()
    {
        var (database, run, host) = await StartConsumerAsync("poison");
        using var _ = host;
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(new Probe(run, 0, Poison: true), Cancellation);
        for (var sequence = 1; sequence <= 20; sequence++)
        {
            await bus.Publish(new Probe(run, sequence), Cancellation);
        }

        var receipts = await Eventually.MatchesAsync(
            ct => ProbeHost.ReceiptsAsync(database, run, ct),
            r => r.Count(x => x.Kind == "handled") == 20 && r.Any(x => x.Kind == "fault"),
            "the 20 good messages are handled and the poison one faulted");
        Assert.Equal(0, Assert.Single(receipts, r => r.Kind == "fault").Sequence);
        Assert.Equal(ProbeHost.RetryLimit + 1, host.Services.GetRequiredService<AttemptLog>().Attempts(run, 0));

        var errorQueue = ProbeHost.ReceiptErrorQueue(host);
        var parked = await Eventually.MatchesAsync(ct => MessageCountAsync(errorQueue, ct), count => count == 1, $"the poison message waits in {errorQueue}");
        Assert.Equal(1u, parked);
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task A_message_whose_effect_the_database_refuses_goes_to_the_error_queue_while_those_committing_with_it_are_handled_once()
    {
        var (database, run, host) = await StartConsumerAsync("refused");
        using var _ = host;
        await using (var db = new ProbeDbContext(ProbeDbContext.Options(database)))
        {
            // Probe 10's receipt exists already, so its consumer's insert breaks the receipts' unique key at commit.
            db.Receipts.Add(new Receipt { Run = run, Sequence = 10, Kind = "handled", MessageId = Guid.NewGuid() });
            await db.SaveChangesAsync(Cancellation);
        }

        var bus = host.Services.GetRequiredService<IBus>();
        await Task.WhenAll(Enumerable.Range(1, 20).Select(sequence => bus.Publish(new Probe(run, sequence), Cancellation)));

        var receipts = await Eventually.MatchesAsync(
            ct => ProbeHost.ReceiptsAsync(database, run, ct),
            r => r.Count(x => x.Kind == "handled") == 20 && r.Any(x => x.Kind == "fault"),
            "the 19 other probes are handled and probe 10 faulted");
        Assert.Equal(Enumerable.Range(1, 20), receipts.Where(r => r.Kind == "handled").Select(r => r.Sequence).Order());
        Assert.Equal(10, Assert.Single(receipts, r => r.Kind == "fault").Sequence);
        var errorQueue = ProbeHost.ReceiptErrorQueue(host);
        await Eventually.MatchesAsync(ct => MessageCountAsync(errorQueue, ct), count => count == 1, $"probe 10 waits in {errorQueue}");
        await host.StopAsync(Cancellation);
    }

    [Fact]
    public async Task Events_consumers_raise_leave_as_soon_as_the_group_holding_them_commits()
    {
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var run = Guid.NewGuid();
        // Only the commit of the consumers' group can wake the dispatcher in time.
        using var host = await ProbeHost.StartAsync(servers, database, $"relay-{run:N}", consumers: true, ProbeHost.OnlyCommitsWakeTheDispatcher, Cancellation);
        using var groupSizes = Collector(host, "ki.consumer.commit_group.size");
        var bus = host.Services.GetRequiredService<IBus>();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(sequence => bus.Publish(new Probe(run, sequence, RelayAs: 100 + sequence), Cancellation)));

        var receipts = await Eventually.MatchesAsync(
            ct => ProbeHost.ReceiptsAsync(database, run, ct),
            r => r.Count(x => x.Kind == "handled") == 40,
            "the 20 probes and the 20 they relay are handled");
        Assert.Equal(Enumerable.Range(1, 20).Concat(Enumerable.Range(101, 20)), receipts.Select(r => r.Sequence).Order());
        await Eventually.MatchesAsync(ct => ProbeHost.PendingOutboxRowsAsync(database, ct), pending => pending == 0, "the relayed events are marked sent");
        Assert.Equal(40, groupSizes.GetMeasurementSnapshot().Sum(m => m.Value));
        await host.StopAsync(Cancellation);
    }

    private async Task<(string Database, Guid Run, IHost Host)> StartConsumerAsync(string scenario)
    {
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var run = Guid.NewGuid();
        var host = await ProbeHost.StartAsync(servers, database, $"{scenario}-{run:N}", consumers: true, cancellationToken: Cancellation);
        return (database, run, host);
    }

    private static MetricCollector<long> Collector(IHost host, string instrument) =>
        new(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), MessagingTelemetry.Name, instrument);

    private async Task<uint> MessageCountAsync(string queue, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(servers.MessagingConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
    }
}
