using System.Text.RegularExpressions;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>The resource name of a post plan: <c>postPlans/{ags}</c>.</summary>
internal static partial class PostPlanName
{
    public const string Expected = "'postPlans/{ags}' with a 5- or 8-digit AGS, e.g. 'postPlans/05111'";

    public static string Format(string ags) => $"postPlans/{ags}";

    public static string ParseAgs(string name, string field) => ResourceNames.ParseId(Pattern(), name, field, Expected);

    [GeneratedRegex("^postPlans/(?<id>" + MunicipalityName.AgsPattern + ")$")]
    public static partial Regex Pattern();
}
