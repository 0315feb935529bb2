using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Notifications.Delivery;

internal sealed class MailDeliveryConfiguration : IEntityTypeConfiguration<MailDelivery>
{
    public void Configure(EntityTypeBuilder<MailDelivery> mail)
    {
        mail.ToTable("mail_deliveries");
        mail.HasKey(m => m.Id);
        mail.Property(m => m.Id).ValueGeneratedNever();
        mail.Property(m => m.RecipientId).HasMaxLength(40);
        mail.Property(m => m.Address).HasMaxLength(DeliveryPreference.EmailMaxLength);
        mail.Property(m => m.Subject).HasMaxLength(300);
        mail.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        mail.Property(m => m.LastError).HasMaxLength(500);
        mail.Property(m => m.AttachedNoticeOf).HasMaxLength(200);
        mail.HasIndex(m => m.InboxItemId).IsUnique();
        // The sender reads only what is due.
        mail.HasIndex(m => m.NextAttemptAt, "ix_mail_deliveries_pending").HasFilter("\"Status\" = 'Pending'");
    }
}
