using Google.Protobuf.WellKnownTypes;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>The fields of a funding period admin changes, as update_mask paths.</summary>
internal static class FundingPeriodFields
{
    public const string UnknownPathReason = "FIELD_MASK_PATH_UNKNOWN";
    public const string Budget = "budget";
    public const string SpecialistRate = "specialist_rate_per_fte_year";
    public const string AdministrativeRate = "administrative_rate_per_fte_year";
    public const string SupportRate = "support_rate_per_half_fte_year";
    public const string PostCaps = "post_caps";
    public const string StartDate = "start_date";
    public const string EndDate = "end_date";

    public static readonly IReadOnlyList<string> TopLevel = [Budget, SpecialistRate, AdministrativeRate, SupportRate, PostCaps, StartDate, EndDate];

    public static readonly FieldMask All = new() { Paths = { TopLevel } };

    public static bool IsEditable(string path) =>
        TopLevel.Any(field => path == field || path.StartsWith(field + ".", StringComparison.Ordinal))
        && FieldMask.IsValid(V1.FundingPeriod.Descriptor, new FieldMask { Paths = { path } });

    /// <summary>Whether <paramref name="mask"/> (empty: every field) names <paramref name="path"/> or a field inside it.</summary>
    public static bool Names(FieldMask? mask, string path) =>
        mask is not { Paths.Count: > 0 } || mask.Paths.Any(p => p == path || p.StartsWith(path + ".", StringComparison.Ordinal));
}
