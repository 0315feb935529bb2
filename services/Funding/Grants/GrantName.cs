using System.Text.RegularExpressions;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.Grants;

/// <summary>The resource name of a grant: <c>grants/{grant_id}</c>, the id a UUID.</summary>
internal static partial class GrantName
{
    public const string Expected = "'grants/{grant_id}' with a UUID, e.g. 'grants/0193b4c8-7e1f-7a00-8c1e-3b9d2f4a6e10'";

    public static string Format(Guid id) => $"grants/{id}";

    public static Guid ParseId(string name, string field) => Guid.Parse(ResourceNames.ParseId(Pattern(), name, field, Expected));

    [GeneratedRegex("^grants/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    public static partial Regex Pattern();
}
