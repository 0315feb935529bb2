using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Funding;

/// <summary>Who may call which RPC of the Funding service. Whose data a caller may reach is checked in the handlers.</summary>
internal static class RpcAccess
{
    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        // Rates and budgets are published figures: every role reads them.
        .Allow(FundingPeriodService.Descriptor, nameof(FundingPeriodService.FundingPeriodServiceBase.GetFundingPeriod), Roles.All);
}
