using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Notifications;

/// <summary>Who may call which RPC of the Notifications service. Whose inbox a caller may reach is checked in the handlers.</summary>
internal static class RpcAccess
{
    private static readonly string[] People = [Roles.Municipality, Roles.Mais, Roles.Msw, Roles.Laki, Roles.Admin];

    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        .Allow(InboxService.Descriptor, nameof(InboxService.InboxServiceBase.ListInboxItems), Roles.All)
        .Allow(InboxService.Descriptor, nameof(InboxService.InboxServiceBase.GetUnreadCount), Roles.All)
        // Marking read is a recipient's own act; the service's own account has no inbox.
        .Allow(InboxService.Descriptor, nameof(InboxService.InboxServiceBase.MarkInboxItemRead), People)
        .Allow(InboxService.Descriptor, nameof(InboxService.InboxServiceBase.MarkAllInboxItemsRead), People)
        .Allow(InboxService.Descriptor, nameof(InboxService.InboxServiceBase.StreamInboxItems), People)
        .Allow(DeliveryPreferencesService.Descriptor, nameof(DeliveryPreferencesService.DeliveryPreferencesServiceBase.GetDeliveryPreferences), People)
        .Allow(DeliveryPreferencesService.Descriptor, nameof(DeliveryPreferencesService.DeliveryPreferencesServiceBase.UpdateDeliveryPreferences), People)
        .Allow(MailDeliveryService.Descriptor, nameof(MailDeliveryService.MailDeliveryServiceBase.ResendFailedMails), Roles.Admin);
}
