using System.Text.RegularExpressions;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.Disbursements;

/// <summary>The resource name of a disbursement: <c>grants/{grant_id}/disbursements/{disbursement_id}</c>, both ids UUIDs.</summary>
internal static partial class DisbursementName
{
    public const string Expected = "'grants/{grant_id}/disbursements/{disbursement_id}' with two UUIDs";

    public static string Format(Guid grantId, Guid id) => $"grants/{grantId}/disbursements/{id}";

    public static (Guid GrantId, Guid Id) Parse(string name, string field)
    {
        var match = Pattern().Match(name);
        return match.Success
            ? (Guid.Parse(match.Groups["grant"].Value), Guid.Parse(match.Groups["id"].Value))
            : throw RpcErrors.InvalidArgument(field, $"Must be {Expected}.", RequestRules.MalformedName);
    }

    [GeneratedRegex("^grants/(?<grant>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/disbursements/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    public static partial Regex Pattern();
}
