using System.Text.RegularExpressions;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>The resource name of a post plan: <c>postPlans/{ags}</c>.</summary>
internal static partial class PostPlanName
{
    public static string ParseAgs(string name, string field) => ResourceNames.ParseId(Pattern(), name, field,
        "'postPlans/{ags}' with a 5- or 8-digit AGS, e.g. 'postPlans/05111'");

    [GeneratedRegex(@"^postPlans/(?<id>\d{5}(\d{3})?)$")]
    private static partial Regex Pattern();
}
