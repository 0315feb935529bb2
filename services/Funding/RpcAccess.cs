using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Funding;

/// <summary>Who may call which RPC of the Funding service. Whose grants a caller may reach is checked in the handlers.</summary>
internal static class RpcAccess
{
    private static readonly string[] GrantReaders = [Roles.Municipality, Roles.Mais, Roles.Laki, Roles.Admin, Roles.Service];

    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        // Rates and budgets are published figures: every role reads them.
        .Allow(FundingPeriodService.Descriptor, nameof(FundingPeriodService.FundingPeriodServiceBase.GetFundingPeriod), Roles.All)
        // Grants are money: the municipality its own, MAIS, LaKI and admin all; MSW has no part in them.
        .Allow(GrantService.Descriptor, nameof(GrantService.GrantServiceBase.GetGrant), GrantReaders)
        .Allow(GrantService.Descriptor, nameof(GrantService.GrantServiceBase.ListGrants), GrantReaders)
        // Only the addressee of a notice can waive its legal remedy (admin for operations).
        .Allow(GrantService.Descriptor, nameof(GrantService.GrantServiceBase.WaiveLegalRemedy), Roles.Municipality, Roles.Admin);
}
