using System.Collections.Concurrent;
using System.Diagnostics;
using KiPlatform.Messaging.Outbox;
using MassTransit;

namespace KiPlatform.Integration.Tests.Messaging;

/// <summary>Counts every attempt a consumer makes, including those that threw and rolled back.</summary>
public sealed class AttemptLog
{
    private readonly ConcurrentDictionary<(Guid Run, int Sequence), int> _attempts = new();

    public void Record(Probe probe) => _attempts.AddOrUpdate((probe.Run, probe.Sequence), 1, (_, count) => count + 1);

    public int Attempts(Guid run, int sequence) => _attempts.GetValueOrDefault((run, sequence));
}

/// <summary>Records a receipt per probe and raises the probe it relays; a poison probe always throws.</summary>
public sealed class ReceiptConsumer(ProbeDbContext db, EventOutbox<ProbeDbContext> outbox, AttemptLog attempts) : IConsumer<Probe>
{
    public Task Consume(ConsumeContext<Probe> context)
    {
        attempts.Record(context.Message);
        if (context.Message.Poison)
        {
            throw new InvalidOperationException($"Probe {context.Message.Sequence} is poison.");
        }

        db.Receipts.Add(new Receipt
        {
            Run = context.Message.Run,
            Sequence = context.Message.Sequence,
            MessageId = context.MessageId!.Value,
            Kind = "handled",
            TraceId = Activity.Current?.TraceId.ToString(),
        });
        if (context.Message.RelayAs is { } relayed)
        {
            outbox.Add(context.Message with { Sequence = relayed, RelayAs = null });
        }

        return Task.CompletedTask;
    }
}

/// <summary>Records the Fault MassTransit publishes once a probe has used up its retries.</summary>
public sealed class ProbeFaultConsumer(ProbeDbContext db) : IConsumer<Fault<Probe>>
{
    public Task Consume(ConsumeContext<Fault<Probe>> context)
    {
        db.Receipts.Add(new Receipt
        {
            Run = context.Message.Message.Run,
            Sequence = context.Message.Message.Sequence,
            MessageId = context.MessageId!.Value,
            Kind = "fault",
        });
        return Task.CompletedTask;
    }
}

/// <summary>Records every publish the broker confirmed into a list shared by all the hosts of one test.</summary>
public sealed class PublishLog(ConcurrentQueue<(Guid MessageId, string Host)> published, string host) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is Probe)
        {
            published.Enqueue((context.MessageId!.Value, host));
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
