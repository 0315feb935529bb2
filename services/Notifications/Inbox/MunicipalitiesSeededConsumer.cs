using KiPlatform.IntegrationEvents.Applications;
using MassTransit;

namespace KiPlatform.Notifications.Inbox;

/// <summary>
/// Tells LaKI that the municipality register has been loaded, so coordination can start. Runs inside the service's
/// message-deduplication transaction: the item and the processed-message record commit together, and a redelivery
/// adds nothing.
/// </summary>
public sealed class MunicipalitiesSeededConsumer(NotificationsDbContext db, TimeProvider clock) : IConsumer<MunicipalitiesSeeded>
{
    public Task Consume(ConsumeContext<MunicipalitiesSeeded> context)
    {
        db.InboxItems.Add(new InboxItem
        {
            Id = Guid.CreateVersion7(),
            RecipientId = Recipients.StatewideCoordination,
            Subject = "Kommunen-Verzeichnis geladen",
            Body = $"{context.Message.AddedCount} Kreise und kreisfreie Städte wurden neu aufgenommen; " +
                   $"das Verzeichnis umfasst jetzt {context.Message.TotalCount}.",
            EventType = "ki.applications.v1.MunicipalitiesSeeded",
            SourceMessageId = context.MessageId ?? Guid.Empty,
            CreatedAt = clock.GetUtcNow(),
        });
        return Task.CompletedTask;
    }
}
