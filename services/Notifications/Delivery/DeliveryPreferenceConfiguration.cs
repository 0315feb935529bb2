using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Notifications.Delivery;

internal sealed class DeliveryPreferenceConfiguration : IEntityTypeConfiguration<DeliveryPreference>
{
    public void Configure(EntityTypeBuilder<DeliveryPreference> preference)
    {
        preference.ToTable("delivery_preferences");
        preference.HasKey(p => p.RecipientId);
        preference.Property(p => p.RecipientId).HasMaxLength(40);
        preference.Property(p => p.EmailAddress).HasMaxLength(DeliveryPreference.EmailMaxLength);
        preference.Property(p => p.Version).IsRowVersion();
    }
}
