using KiPlatform.Messaging.Deduplication;
using KiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Messaging;

public static class MessagingModel
{
    /// <summary>The outbox and processed-message tables, for a service that both raises and consumes events.</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder) =>
        modelBuilder.AddOutboxMessages().AddProcessedMessages();
}
