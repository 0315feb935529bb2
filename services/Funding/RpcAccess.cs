using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Funding;

/// <summary>Who may call which RPC of the Funding service. Whose grants a caller may reach is checked in the handlers.</summary>
internal static class RpcAccess
{
    private static readonly string[] GrantReaders = [Roles.Municipality, Roles.Mais, Roles.Msw, Roles.Laki, Roles.Admin, Roles.Service];
    private static readonly string[] MoneyReaders = [Roles.Mais, Roles.Laki, Roles.Admin, Roles.Service];

    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        // Rates and budgets are published figures: every role reads them.
        .Allow(FundingPeriodService.Descriptor, nameof(FundingPeriodService.FundingPeriodServiceBase.GetFundingPeriod), Roles.All)
        .Allow(FundingPeriodService.Descriptor, nameof(FundingPeriodService.FundingPeriodServiceBase.ListFundingPeriods), Roles.All)
        .Allow(FundingPeriodService.Descriptor, nameof(FundingPeriodService.FundingPeriodServiceBase.UpdateFundingPeriod), Roles.Admin)
        .Allow(FundingPeriodService.Descriptor, nameof(FundingPeriodService.FundingPeriodServiceBase.GetFundingOverview), MoneyReaders)
        // Grants are money: the municipality its own, MAIS, LaKI and admin all; MSW reads the teacher allocations only
        // (the handlers withhold the amounts from it).
        .Allow(GrantService.Descriptor, nameof(GrantService.GrantServiceBase.GetGrant), GrantReaders)
        .Allow(GrantService.Descriptor, nameof(GrantService.GrantServiceBase.ListGrants), GrantReaders)
        .Allow(GrantService.Descriptor, nameof(GrantService.GrantServiceBase.GetGrantNotice), [Roles.Municipality, .. MoneyReaders])
        // Only the addressee of a notice can waive its legal remedy (admin for operations).
        .Allow(GrantService.Descriptor, nameof(GrantService.GrantServiceBase.WaiveLegalRemedy), Roles.Municipality, Roles.Admin)
        .Allow(GrantService.Descriptor, nameof(GrantService.GrantServiceBase.GetGrantAccount), [Roles.Municipality, .. MoneyReaders])
        // The municipality calls off money from its own grants; MAIS decides.
        .Allow(DisbursementService.Descriptor, nameof(DisbursementService.DisbursementServiceBase.RequestDisbursement), Roles.Municipality, Roles.Admin)
        .Allow(DisbursementService.Descriptor, nameof(DisbursementService.DisbursementServiceBase.ApproveDisbursement), Roles.Mais, Roles.Admin)
        .Allow(DisbursementService.Descriptor, nameof(DisbursementService.DisbursementServiceBase.RefuseDisbursement), Roles.Mais, Roles.Admin)
        .Allow(DisbursementService.Descriptor, nameof(DisbursementService.DisbursementServiceBase.ListDisbursements), [Roles.Municipality, .. MoneyReaders])
        // The municipality proves the use of its own grants; MAIS reviews and records repayments.
        .Allow(ProofOfUseService.Descriptor, nameof(ProofOfUseService.ProofOfUseServiceBase.SubmitProofOfUse), Roles.Municipality, Roles.Admin)
        .Allow(ProofOfUseService.Descriptor, nameof(ProofOfUseService.ProofOfUseServiceBase.GetProofOfUse), [Roles.Municipality, .. MoneyReaders])
        .Allow(ProofOfUseService.Descriptor, nameof(ProofOfUseService.ProofOfUseServiceBase.ReviewProofOfUse), Roles.Mais, Roles.Admin)
        .Allow(ProofOfUseService.Descriptor, nameof(ProofOfUseService.ProofOfUseServiceBase.RecordRepayment), Roles.Mais, Roles.Admin)
        .Allow(ProofOfUseService.Descriptor, nameof(ProofOfUseService.ProofOfUseServiceBase.ListOverdueProofsOfUse), [Roles.Municipality, .. MoneyReaders]);
}
