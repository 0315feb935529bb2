using KiPlatform.Infrastructure;

namespace KiPlatform.Notifications;

internal sealed class NotificationsDbContextDesignFactory : DesignTimeDbContextFactory<NotificationsDbContext>;
