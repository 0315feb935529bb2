using KiPlatform.IntegrationEvents.Applications;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications.Inbox;

/// <summary>Tells LaKI that the municipality register has been loaded, so coordination can start.</summary>
public sealed class MunicipalitiesSeededConsumer(NotificationsDbContext db, TimeProvider clock) : IConsumer<MunicipalitiesSeeded>
{
    public async Task Consume(ConsumeContext<MunicipalitiesSeeded> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A bus message without MessageId cannot be deduplicated.");
        var recipient = Recipients.StatewideCoordination;
        // A redelivered message must not tell anyone twice. TODO(issue "Reliable events"): the shared inbox table
        // replaces this per-consumer check.
        if (await db.InboxItems.AnyAsync(i => i.SourceMessageId == messageId && i.RecipientId == recipient, context.CancellationToken))
        {
            return;
        }

        db.InboxItems.Add(new InboxItem
        {
            Id = Guid.CreateVersion7(),
            RecipientId = recipient,
            Subject = "Kommunen-Verzeichnis geladen",
            Body = $"{context.Message.AddedCount} Kreise und kreisfreie Städte wurden neu aufgenommen; " +
                   $"das Verzeichnis umfasst jetzt {context.Message.TotalCount}.",
            EventType = "ki.applications.v1.MunicipalitiesSeeded",
            SourceMessageId = messageId,
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
