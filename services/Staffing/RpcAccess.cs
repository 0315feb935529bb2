using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;

namespace KiPlatform.Staffing;

/// <summary>Who may call which RPC of the Staffing service. Whose data a caller may reach is checked in the handlers.</summary>
internal static class RpcAccess
{
    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        // Every role, but a municipality only for its own plan.
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.GetPostPlan), Roles.All);
}
