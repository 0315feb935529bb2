using System.Text.RegularExpressions;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Applications.Municipalities;

/// <summary>The resource name of a municipality: <c>municipalities/{ags}</c>, the AGS being 5 digits (8 for a city inside a StädteRegion).</summary>
internal static partial class MunicipalityName
{
    public static string Format(string ags) => $"municipalities/{ags}";

    public const string Expected = "'municipalities/{ags}' with a 5-digit AGS (8 digits for a city inside a StädteRegion), e.g. 'municipalities/05111'";

    public static string ParseAgs(string name, string field) => ResourceNames.ParseId(Pattern(), name, field, Expected);

    [GeneratedRegex(@"^municipalities/(?<id>\d{5}(\d{3})?)$")]
    public static partial Regex Pattern();
}
