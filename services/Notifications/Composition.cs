using KiPlatform.Infrastructure;
using KiPlatform.Messaging;
using KiPlatform.Rpc;
using KiPlatform.Notifications.Inbox;

namespace KiPlatform.Notifications;

/// <summary>Everything the Notifications service registers and maps, called once from Program.cs.</summary>
public static class Composition
{
    public static void AddNotificationsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDbContext, IHostApplicationBuilder>(NotificationsDbContext.ConnectionName);
        builder.AddServiceMessaging<NotificationsDbContext>(bus => bus.AddConsumer<MunicipalitiesSeededConsumer>());
        builder.AddRpcContract(RpcAccess.Rules, typeof(Composition).Assembly);
    }
}
