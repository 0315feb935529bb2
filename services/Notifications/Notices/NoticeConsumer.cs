using KiPlatform.Infrastructure.Live;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Messaging.Deduplication;
using KiPlatform.Notifications.Delivery;
using KiPlatform.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;
using MassTransit;

namespace KiPlatform.Notifications.Notices;

/// <summary>
/// Turns one domain event into the notices its rules name (<see cref="NoticeRules"/>), worded by the templates, each an
/// item in its recipient's inbox and, where the recipient's preferences say so, a mail to send. Runs inside the service's
/// message deduplication: the items and the processed-message record commit together, so a redelivery adds nothing; one
/// message makes at most one item per recipient besides. Once committed, the recipients' live streams are woken.
/// </summary>
public sealed partial class NoticeConsumer<TEvent>(
    NotificationsDbContext db,
    NoticeTemplates templates,
    MunicipalityDirectory municipalities,
    MunicipalityContacts contacts,
    AfterCommit afterCommit,
    LiveWakeUps wakeUps,
    NotificationMetrics metrics,
    TimeProvider clock,
    ILogger<NoticeConsumer<TEvent>> logger)
    : IConsumer<TEvent> where TEvent : class
{
    private static readonly string EventType = EventTypes.NameOf<TEvent>();

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var ct = context.CancellationToken;
        if (context.Message is MunicipalitiesSeeded)
        {
            municipalities.Forget();
        }

        var notices = NoticeRules.For(context.Message);
        var now = clock.GetUtcNow();
        var recipients = notices.Select(n => n.RecipientId).ToList();
        var preferences = await db.DeliveryPreferences.AsNoTracking().Where(p => recipients.Contains(p.RecipientId)).ToDictionaryAsync(p => p.RecipientId, ct);
        var mails = 0;
        foreach (var notice in notices)
        {
            var values = new Dictionary<string, object>(notice.Values);
            if (notice.Ags is { } ags)
            {
                values["municipality"] = await municipalities.NameAsync(ags, ct);
            }

            var text = templates.Render(notice.Template, values);
            var item = InboxItem.Create(notice.RecipientId, text.Subject, text.Body, EventType, notice.SubjectResource, context.MessageId ?? Guid.NewGuid(), now);
            db.InboxItems.Add(item);
            if (await MailAddressAsync(notice, preferences.GetValueOrDefault(notice.RecipientId), ct) is { } address)
            {
                db.MailDeliveries.Add(MailDelivery.For(item.Id, notice.RecipientId, address, text.Subject, text.Body,
                    notice.MailsNotice ? notice.SubjectResource : null, now));
                mails++;
            }
        }

        // Committed, the items are in their inboxes: the recipients' live streams, in every instance, are told to look.
        afterCommit.Add(async () =>
        {
            metrics.Created(NotificationMetrics.InboxChannel, notices.Count);
            metrics.Delivered(NotificationMetrics.InboxChannel, notices.Count);
            metrics.Created(NotificationMetrics.EmailChannel, mails);
            foreach (var recipient in recipients.Distinct())
            {
                await wakeUps.AnnounceAsync(recipient);
            }
        });

        LogNotified(EventType, notices.Count);
    }

    /// <summary>
    /// Where the notice is mailed: to the address the recipient set, or, for a municipality that set none, to the contact
    /// named in its latest application; nowhere when the recipient muted the kind or no address is known.
    /// </summary>
    private async Task<string?> MailAddressAsync(Notice notice, DeliveryPreference? preference, CancellationToken cancellationToken)
    {
        var kind = typeof(TEvent).Name;
        if (preference is not null && preference.Mails(kind, out var address))
        {
            return address;
        }

        var mayFallBack = preference is null || !preference.IsMuted(kind);
        return mayFallBack && notice.RecipientId.StartsWith(Recipients.MunicipalityPrefix, StringComparison.Ordinal) && notice.Ags is { } ags
            ? await contacts.AddressAsync(ags, cancellationToken)
            : null;
    }

    // Debug: one line per event would cost the console and the dashboard more than the notice; ki.notifications.created counts them.
    [LoggerMessage(Level = LogLevel.Debug, Message = "{EventType} noticed: {Count} inbox items")]
    private partial void LogNotified(string eventType, int count);
}

/// <summary>The events the service turns into notices, by the names the inbox shows them under.</summary>
public static class EventTypes
{
    /// <summary><c>ki.{service}.v1.{Event}</c>, from the event's namespace (KiPlatform.IntegrationEvents.{Service}).</summary>
    public static string NameOf<TEvent>() =>
        $"ki.{typeof(TEvent).Namespace![(typeof(TEvent).Namespace!.LastIndexOf('.') + 1)..].ToLowerInvariant()}.v1.{typeof(TEvent).Name}";
}
