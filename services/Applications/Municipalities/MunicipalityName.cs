using System.Text.RegularExpressions;

namespace KiPlatform.Applications.Municipalities;

/// <summary>The resource name of a municipality: <c>municipalities/{ags}</c>, the AGS being 5 digits (8 for a city inside a StädteRegion).</summary>
internal static partial class MunicipalityName
{
    public static string Format(string ags) => $"municipalities/{ags}";

    public static string ParseAgs(string name, string field) => ResourceNames.ParseId(Pattern(), name, field,
        "'municipalities/{ags}' with a 5-digit AGS (8 digits for a city inside a StädteRegion), e.g. 'municipalities/05111'");

    [GeneratedRegex(@"^municipalities/(?<id>\d{5}(\d{3})?)$")]
    private static partial Regex Pattern();
}
