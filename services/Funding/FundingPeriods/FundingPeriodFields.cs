using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>The fields of a funding period admin changes, as update_mask paths.</summary>
internal static class FundingPeriodFields
{
    public const string Budget = "budget";
    public const string SpecialistRate = "specialist_rate_per_fte_year";
    public const string AdministrativeRate = "administrative_rate_per_fte_year";
    public const string SupportRate = "support_rate_per_half_fte_year";
    public const string PostCaps = "post_caps";
    public const string StartDate = "start_date";
    public const string EndDate = "end_date";
    public const string FixedTranches = "fixed_tranches";

    public static readonly EditablePaths Paths = new(V1.FundingPeriod.Descriptor, Budget, SpecialistRate, AdministrativeRate, SupportRate, PostCaps, StartDate, EndDate, FixedTranches);
}
