using System.Text.RegularExpressions;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.ProofsOfUse;

/// <summary>The resource name of a grant's proof of use: <c>grants/{grant_id}/proofOfUse</c>.</summary>
internal static partial class ProofOfUseName
{
    public const string Expected = "'grants/{grant_id}/proofOfUse' with a UUID";

    public static string Format(Guid grantId) => $"grants/{grantId}/proofOfUse";

    public static Guid ParseGrantId(string name, string field) => Guid.Parse(ResourceNames.ParseId(Pattern(), name, field, Expected));

    [GeneratedRegex("^grants/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/proofOfUse$")]
    public static partial Regex Pattern();
}
