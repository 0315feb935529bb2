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
    }
}
