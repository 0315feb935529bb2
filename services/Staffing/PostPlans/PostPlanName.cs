using System.Text.RegularExpressions;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>The resource name of a post plan: <c>postPlans/{ags}</c>.</summary>
internal static partial class PostPlanName
{
    public static string ParseAgs(string name, string field)
    {
        var match = Pattern().Match(name);
        return match.Success
            ? match.Groups["ags"].Value
            : throw RpcErrors.InvalidArgument(field, "Must be 'postPlans/{ags}' with a 5- or 8-digit AGS, e.g. 'postPlans/05111'.", "MALFORMED_NAME");
    }

    [GeneratedRegex(@"^postPlans/(?<ags>\d{5}(\d{3})?)$")]
    private static partial Regex Pattern();
}
