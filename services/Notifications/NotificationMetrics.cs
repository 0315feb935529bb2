using System.Diagnostics.Metrics;

namespace KiPlatform.Notifications;

/// <summary>
/// The dashboard's view of Notifications (meter "KiPlatform.Notifications"): notifications created and delivered per
/// channel (inbox, email, live), e-mail attempts that failed, and the live streams connected to this instance.
/// </summary>
public sealed class NotificationMetrics
{
    public const string MeterName = "KiPlatform.Notifications";
    public const string InboxChannel = "inbox";
    public const string EmailChannel = "email";
    public const string LiveChannel = "live";

    private readonly Counter<long> _created;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _emailFailures;
    private readonly UpDownCounter<long> _liveSubscribers;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _created = meter.CreateCounter<long>("ki.notifications.created", unit: "{notification}",
            description: "Notifications created, per channel: an inbox item each, and a mail where the recipient wants one.");
        _delivered = meter.CreateCounter<long>("ki.notifications.delivered", unit: "{notification}",
            description: "Notifications delivered, per channel: stored in the inbox, accepted by the mail server, pushed to a live stream.");
        _emailFailures = meter.CreateCounter<long>("ki.notifications.email_failures", unit: "{attempt}",
            description: "Mail attempts that failed; tagged final when no attempt is left.");
        _liveSubscribers = meter.CreateUpDownCounter<long>("ki.notifications.live_subscribers", unit: "{stream}",
            description: "Live inbox streams connected to this instance.");
    }

    public void Created(string channel, int count = 1) => _created.Add(count, new KeyValuePair<string, object?>("channel", channel));

    public void Delivered(string channel, int count = 1) => _delivered.Add(count, new KeyValuePair<string, object?>("channel", channel));

    public void EmailFailed(bool final) => _emailFailures.Add(1, new KeyValuePair<string, object?>("final", final));

    /// <summary>Counts a live stream until disposed.</summary>
    public IDisposable LiveSubscriber()
    {
        _liveSubscribers.Add(1);
        return new Subscription(_liveSubscribers);
    }

    private sealed class Subscription(UpDownCounter<long> counter) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                counter.Add(-1);
            }
        }
    }
}
