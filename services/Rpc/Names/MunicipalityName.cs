using System.Text.RegularExpressions;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Rpc.Names;

/// <summary>
/// The resource name of a municipality, <c>municipalities/{ags}</c>, and its key: the AGS (Amtlicher
/// Gemeindeschlüssel), 5 digits, or 8 for the city of Aachen inside the StädteRegion Aachen. Every service names and
/// keys municipalities through here.
/// </summary>
public static partial class MunicipalityName
{
    /// <summary>The AGS as a regular expression, for the names of other resources keyed by it.</summary>
    public const string AgsPattern = @"\d{5}(\d{3})?";

    public const int AgsMaxLength = 8;

    public const string Expected = "'municipalities/{ags}' with a 5-digit AGS (8 digits for a city inside a StädteRegion), e.g. 'municipalities/05111'";

    public static string Format(string ags) => $"municipalities/{ags}";

    public static string ParseAgs(string name, string field) => ResourceNames.ParseId(Pattern(), name, field, Expected);

    [GeneratedRegex("^municipalities/(?<id>" + AgsPattern + ")$")]
    public static partial Regex Pattern();
}
