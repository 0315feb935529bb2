using System.Text.RegularExpressions;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>The resource name of a post: <c>postPlans/{ags}/posts/{post_id}</c>, the id a UUID.</summary>
internal static partial class PostName
{
    public const string Expected = "'postPlans/{ags}/posts/{post_id}' with a UUID post id, e.g. 'postPlans/05111/posts/0193b4c8-7e1f-7a00-8c1e-3b9d2f4a6e10'";

    public static string Format(string ags, Guid postId) => $"{PostPlanName.Format(ags)}/posts/{postId}";

    public static (string Ags, Guid PostId) Parse(string name, string field)
    {
        var match = Pattern().Match(name ?? "");
        return match.Success
            ? (match.Groups["ags"].Value, Guid.Parse(match.Groups["post"].Value))
            : throw RpcErrors.InvalidArgument(field, $"Must be {Expected}.", RequestRules.MalformedName);
    }

    [GeneratedRegex("^postPlans/(?<ags>" + MunicipalityName.AgsPattern + ")/posts/(?<post>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    public static partial Regex Pattern();
}
