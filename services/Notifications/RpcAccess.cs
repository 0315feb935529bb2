using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Notifications;

/// <summary>Who may call which RPC of the Notifications service. Whose inbox a caller may read is checked in the handler.</summary>
internal static class RpcAccess
{
    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        .Allow(InboxService.Descriptor, nameof(InboxService.InboxServiceBase.ListInboxItems), Roles.All);
}
