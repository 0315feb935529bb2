using KiPlatform.Infrastructure;
using KiPlatform.Messaging;
using KiPlatform.Rpc;
using KiPlatform.Notifications.Inbox;

namespace KiPlatform.Notifications;

public static class ApplicationServices
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, IHostApplicationBuilder>(NotificationsDbContext.ConnectionName);
        builder.AddServiceMessaging<NotificationsDbContext>(bus => bus.AddConsumer<MunicipalitiesSeededConsumer>());
        builder.AddRpcContract(RpcAccess.Rules, typeof(ApplicationServices).Assembly);
    }
}
