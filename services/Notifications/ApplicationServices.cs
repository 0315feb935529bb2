using KiPlatform.Infrastructure;
using KiPlatform.Notifications.Inbox;

namespace KiPlatform.Notifications;

public static class ApplicationServices
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, IHostApplicationBuilder>(NotificationsDbContext.ConnectionName);
        builder.AddServiceBus(bus => bus.AddConsumer<MunicipalitiesSeededConsumer>());
        builder.AddServiceCache();
    }
}
