using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Notifications.Inbox;

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> item)
    {
        item.ToTable("inbox_items");
        item.HasKey(i => i.Id);
        item.Property(i => i.RecipientId).HasMaxLength(40);
        item.Property(i => i.EventType).HasMaxLength(200);
        item.Property(i => i.Subject).HasMaxLength(300);
        item.Property(i => i.SubjectResource).HasMaxLength(200);
        item.HasIndex(i => new { i.RecipientId, i.CreatedAt });
        // The unread count and the unread filter read only the unread rows.
        item.HasIndex(i => new { i.RecipientId, i.CreatedAt }, "ix_inbox_items_unread").HasFilter("\"ReadAt\" IS NULL");
        item.HasIndex(i => new { i.SourceMessageId, i.RecipientId }).IsUnique();
        // The live stream's order (InboxCursor): the writing transaction's id, then the row's place within it. Both are
        // the database's to set; they are not the item's business, so they stay out of the class.
        item.Property<long>(InboxCursor.TransactionColumn).HasDefaultValueSql("pg_current_xact_id()::text::bigint").ValueGeneratedOnAdd();
        item.Property<long>(InboxCursor.PositionColumn).UseIdentityAlwaysColumn();
        item.HasIndex(nameof(InboxItem.RecipientId), InboxCursor.TransactionColumn, InboxCursor.PositionColumn);
    }
}
