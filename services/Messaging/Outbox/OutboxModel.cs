using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Messaging.Outbox;

/// <summary>The outbox table in a service's DbContext model.</summary>
public static class OutboxModel
{
    internal const string Table = "outbox_messages";

    public static ModelBuilder AddOutboxMessages(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable(Table);
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).HasColumnName("id");
            message.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500);
            message.Property(m => m.Body).HasColumnName("body");
            message.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
            message.Property(m => m.TraceState).HasColumnName("trace_state").HasMaxLength(512);
            message.Property(m => m.CreatedAt).HasColumnName("created_at");
            message.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            message.Property(m => m.Attempts).HasColumnName("attempts");
            message.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            message.Property(m => m.SentAt).HasColumnName("sent_at");
            // Keeps the dispatcher's claim query small however many sent rows the retention window holds.
            message.HasIndex(m => m.Id).HasDatabaseName("ix_outbox_messages_pending").HasFilter("sent_at IS NULL");
            message.HasIndex(m => m.SentAt).HasDatabaseName("ix_outbox_messages_sent_at").HasFilter("sent_at IS NOT NULL");
        });
        return modelBuilder;
    }
}
