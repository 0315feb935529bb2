using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Messaging.Deduplication;

/// <summary>
/// Message deduplication: a record that one consumer has handled one message, written in the transaction of the consumer's
/// effect. A redelivery finds it and is acknowledged without a second effect.
/// </summary>
public sealed class ProcessedMessage
{
    public Guid MessageId { get; init; }

    /// <summary>The receive queue, so two consumers of one event in one service each handle it once.</summary>
    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}

public static class DeduplicationModel
{
    internal const string Table = "processed_messages";

    public static ModelBuilder AddProcessedMessages(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProcessedMessage>(processed =>
        {
            processed.ToTable(Table);
            processed.HasKey(p => new { p.MessageId, p.Consumer });
            processed.Property(p => p.MessageId).HasColumnName("message_id");
            processed.Property(p => p.Consumer).HasColumnName("consumer").HasMaxLength(200);
            processed.Property(p => p.ProcessedAt).HasColumnName("processed_at");
            processed.HasIndex(p => p.ProcessedAt).HasDatabaseName("ix_processed_messages_processed_at");
        });
        return modelBuilder;
    }
}
