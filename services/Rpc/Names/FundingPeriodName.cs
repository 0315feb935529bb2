using System.Text.RegularExpressions;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Rpc.Names;

/// <summary>
/// The resource name of a funding period, <c>fundingPeriods/{period_id}</c>: the id in lower case letters, digits and
/// hyphens (AIP-122), e.g. <c>2013</c>. Funding owns the periods; every service names them through here.
/// </summary>
public static partial class FundingPeriodName
{
    public const int IdMaxLength = 20;

    public const string Expected = "'fundingPeriods/{period_id}', e.g. 'fundingPeriods/2013'";

    public static string Format(string id) => $"fundingPeriods/{id}";

    public static string ParseId(string name, string field) => ResourceNames.ParseId(Pattern(), name, field, Expected);

    [GeneratedRegex(@"^fundingPeriods/(?<id>[a-z0-9-]{1,20})$")]
    public static partial Regex Pattern();
}
