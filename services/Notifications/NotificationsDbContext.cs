using KiPlatform.Notifications.Delivery;
using KiPlatform.Notifications.Inbox;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "notificationsdb";

    public DbSet<InboxItem> InboxItems => Set<InboxItem>();

    public DbSet<DeliveryPreference> DeliveryPreferences => Set<DeliveryPreference>();

    public DbSet<MailDelivery> MailDeliveries => Set<MailDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly).AddMessagingTables().AddIdempotencyRecords();
}
