namespace KiPlatform.Funding.Grants;

/// <summary>Flat rates (Festbeträge) per FTE-year of the three MAIS-funded categories, in euro cents.</summary>
public sealed record FlatRates(long SpecialistCentsPerFteYear, long AdministrativeCentsPerFteYear, long SupportCentsPerFteYear);

/// <summary>The MAIS-funded FTE an approval grants, in thousandths of an FTE; teacher posts are never money.</summary>
public sealed record MaisFte(int SpecialistMilli, int AdministrativeMilli, int SupportMilli);

/// <summary>A grant's figures: from which month, for how many, and the amounts in cents.</summary>
public sealed record GrantAmounts(DateOnly Start, int Months, long SpecialistCents, long AdministrativeCents, long SupportCents, long TotalCents);

/// <summary>
/// What a grant (Zuwendung, Festbetragsfinanzierung) amounts to: per category the approved FTE x its flat rate per
/// FTE-year x the whole months from the grant's start to the period's end / 12. The grant starts on the first day of
/// the month after the approval, or on the period's first day if that is later.
/// Rounding, once per grant: each category's amount is kept exact; the total is their exact sum rounded to the cent
/// (half away from zero, kaufmännisch). The category amounts shown are rounded the same way; where they do not add up
/// to the total, the total is what is granted.
/// </summary>
public static class GrantCalculation
{
    public static GrantAmounts Compute(MaisFte fte, FlatRates rates, DateOnly approvedOn, DateOnly periodStart, DateOnly periodEnd)
    {
        var monthAfter = new DateOnly(approvedOn.Year, approvedOn.Month, 1).AddMonths(1);
        var start = monthAfter > periodStart ? monthAfter : periodStart;
        var months = WholeMonths(start, periodEnd);
        var specialist = Exact(fte.SpecialistMilli, rates.SpecialistCentsPerFteYear, months);
        var administrative = Exact(fte.AdministrativeMilli, rates.AdministrativeCentsPerFteYear, months);
        var support = Exact(fte.SupportMilli, rates.SupportCentsPerFteYear, months);
        return new GrantAmounts(start, months, ToCent(specialist), ToCent(administrative), ToCent(support), ToCent(specialist + administrative + support));
    }

    /// <summary>Calendar months that lie wholly between <paramref name="start"/> and <paramref name="end"/> (a month counts once its last day is in).</summary>
    public static int WholeMonths(DateOnly start, DateOnly end)
    {
        var first = start.Day == 1 ? start : new DateOnly(start.Year, start.Month, 1).AddMonths(1);
        var lastMonthEnd = end.AddDays(1).Day == 1 ? end : new DateOnly(end.Year, end.Month, 1).AddDays(-1);
        var months = (lastMonthEnd.Year - first.Year) * 12 + lastMonthEnd.Month - first.Month + 1;
        return Math.Max(0, months);
    }

    private static decimal Exact(int fteMilli, long centsPerFteYear, int months) => fteMilli * (decimal)centsPerFteYear * months / 12_000m;

    private static long ToCent(decimal cents) => (long)Math.Round(cents, 0, MidpointRounding.AwayFromZero);
}
