using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KiPlatform.Messaging;

/// <summary>
/// The outbox and consumer (message deduplication) instruments. Service defaults export every "KiPlatform.*" source and meter, so these show on
/// the dashboard next to MassTransit's own.
/// </summary>
public sealed class MessagingTelemetry
{
    public const string Name = "KiPlatform.Messaging";

    internal static readonly ActivitySource ActivitySource = new(Name);

    private readonly Counter<long> published;
    private readonly Counter<long> publishFailed;
    private readonly Counter<long> consumed;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> consumeFailed;
    private readonly Histogram<double> handlerDuration;
    private readonly Histogram<long> commitGroupSize;
    private readonly Counter<long> commitGroupFailed;
    private readonly Dictionary<string, OutboxBacklog> backlogs = [];
    private readonly Lock backlogLock = new();

    public MessagingTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        published = meter.CreateCounter<long>("ki.outbox.published", "{event}", "Outbox events the broker confirmed.");
        publishFailed = meter.CreateCounter<long>("ki.outbox.publish_failed", "{attempt}", "Publish attempts that failed and will be retried.");
        consumed = meter.CreateCounter<long>("ki.consumer.consumed", "{event}", "Events a consumer handled and committed.");
        duplicates = meter.CreateCounter<long>("ki.consumer.duplicates", "{event}", "Redelivered events acknowledged without a second effect.");
        consumeFailed = meter.CreateCounter<long>("ki.consumer.failed", "{attempt}", "Consumer attempts that threw (each retry counts).");
        handlerDuration = meter.CreateHistogram<double>("ki.consumer.handler.duration", "s", "Time to handle and commit one event.");
        commitGroupSize = meter.CreateHistogram<long>(
            "ki.consumer.commit_group.size", "{event}", "Handled events committed together in one transaction.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        commitGroupFailed = meter.CreateCounter<long>(
            "ki.consumer.commit_group.failed", "{group}", "Groups that could not commit together; each of their events then committed alone.");
        meter.CreateObservableGauge("ki.outbox.pending", () => Backlogs(b => (long)b.Pending), "{event}", "Outbox rows not yet confirmed by the broker.");
        meter.CreateObservableGauge("ki.outbox.oldest_pending_age", () => Backlogs(b => b.OldestAge.TotalSeconds), "s", "Age of the oldest unsent outbox row.");
    }

    internal void Published(string messageType) => published.Add(1, new KeyValuePair<string, object?>("message_type", messageType));

    internal void PublishFailed(string messageType) => publishFailed.Add(1, new KeyValuePair<string, object?>("message_type", messageType));

    internal void Consumed(string messageType, string consumer, TimeSpan duration)
    {
        var tags = Tags(messageType, consumer);
        consumed.Add(1, tags);
        handlerDuration.Record(duration.TotalSeconds, tags);
    }

    internal void CommittedGroup(int size) => commitGroupSize.Record(size);

    internal void GroupFailed() => commitGroupFailed.Add(1);

    internal void Duplicate(string messageType, string consumer) => duplicates.Add(1, Tags(messageType, consumer));

    internal void ConsumeFailed(string messageType, string consumer, TimeSpan duration)
    {
        var tags = Tags(messageType, consumer);
        consumeFailed.Add(1, tags);
        handlerDuration.Record(duration.TotalSeconds, tags);
    }

    internal void ReportBacklog(string database, OutboxBacklog backlog)
    {
        lock (backlogLock)
        {
            backlogs[database] = backlog;
        }
    }

    private List<Measurement<T>> Backlogs<T>(Func<OutboxBacklog, T> value) where T : struct
    {
        lock (backlogLock)
        {
            return backlogs.Select(b => new Measurement<T>(value(b.Value), new KeyValuePair<string, object?>("database", b.Key))).ToList();
        }
    }

    private static TagList Tags(string messageType, string consumer) => new()
    {
        { "message_type", messageType },
        { "consumer", consumer },
    };
}

internal readonly record struct OutboxBacklog(int Pending, TimeSpan OldestAge);
