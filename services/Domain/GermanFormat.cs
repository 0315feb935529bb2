using System.Globalization;

namespace KiPlatform.Domain;

/// <summary>
/// Money and dates as German letters write them: <c>170.000,00 EUR</c>, <c>1. Oktober 2012</c>. Spelled out here
/// rather than taken from the de-DE culture, which a server without ICU data (invariant globalization) does not have.
/// </summary>
public static class GermanFormat
{
    private static readonly NumberFormatInfo Numbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };

    private static readonly string[] Months =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    /// <summary>Euro cents as <c>170.000,00 EUR</c>.</summary>
    public static string Euro(long cents) => $"{(cents / 100m).ToString("N2", Numbers)} EUR";

    /// <summary>A day as <c>1. Oktober 2012</c>.</summary>
    public static string Date(DateOnly day) => $"{day.Day}. {Months[day.Month - 1]} {day.Year}";

    /// <summary>Thousandths of an FTE as <c>2,0</c> or <c>0,5</c> (at least one decimal, at most three).</summary>
    public static string Fte(int milli) => (milli / 1000m).ToString("0.0##", Numbers);
}
