using System.Globalization;
using System.Text;

namespace KiPlatform.FirstWave;

/// <summary>
/// A municipality applying as the 16 of the first wave do, and how its application goes: most straight through; one
/// asked for documents first (Nachforderung), one approved with fewer posts than it asked for.
/// </summary>
public sealed record FirstWaveMunicipality(string Ags, string DisplayName, string GovernmentDistrict)
{
    /// <summary>Kreis Olpe: the reviewers ask for its council resolution before the content review.</summary>
    public const string DocumentsRequestedAgs = "05966";

    /// <summary>Hagen: MAIS approves 1.5 specialist posts of the 2.0 asked for.</summary>
    public const string ReducedAgs = "05914";

    /// <summary>Kreis Soest: goes on after its notice (waives legal remedy, staffs its posts, one falls vacant).</summary>
    public const string GoesOnAgs = "05974";

    public bool DocumentsRequested => Ags == DocumentsRequestedAgs;

    /// <summary>The specialist posts MAIS approves, in FTE; every other figure is approved as asked.</summary>
    public double ApprovedSpecialistFte => Ags == ReducedAgs ? 1.5 : 2.0;

    /// <summary>The address the application names for questions, where its notices are mailed, e.g. <c>ki@kreis-soest.example</c>.</summary>
    public string ContactEmail => $"ki@{Slug(DisplayName)}.example";

    /// <summary>Lower case ASCII, umlauts written out, words joined by hyphens: "Mülheim an der Ruhr" -> "muelheim-an-der-ruhr".</summary>
    internal static string Slug(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.ToLower(CultureInfo.GetCultureInfo("de-DE")))
        {
            text.Append(c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                ' ' => "-",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
