using KiPlatform.Funding.Grants;

namespace KiPlatform.Funding.Vacancies;

/// <summary>What stood vacant of one post in one calendar month, as Staffing counts it (thousandths of an FTE x days).</summary>
public sealed record VacantPostMonth(Guid PostId, string Category, int FteMilli, int Year, int Month, int DaysInMonth, long VacantMilliDays)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);
}

/// <summary>What a grant owes so far: the months counted, the deduction for vacant posts, and what remains owed.</summary>
public sealed record OwedFigures(long GrantedCents, long DeductionCents, long OwedCents, DateOnly? CountedThrough);

/// <summary>
/// Vacant MAIS-funded posts are not owed. A month counts once it has ended and lies within the grant (from its start to
/// the period's end); each vacant FTE-month (vacant thousandths-of-FTE-days / 1000 / the month's days) is deducted at
/// its category's flat rate / 12. The deduction is kept exact and rounded once to the cent (half away from zero), like
/// the grant; what is owed never drops below zero. Teacher posts are never money.
/// </summary>
public static class OwedAmount
{
    public const string Specialist = "Specialist";
    public const string Administration = "Administration";
    public const string Support = "Support";

    public static OwedFigures Compute(long grantedCents, DateOnly grantStart, DateOnly periodEnd, FlatRates rates, IEnumerable<VacantPostMonth> months, DateOnly asOf)
    {
        var counted = months.Where(m => Counts(m, grantStart, periodEnd, asOf)).ToList();
        var exact = counted.Sum(m => m.VacantMilliDays * (decimal)RateOf(m.Category, rates) / (m.DaysInMonth * 12_000m));
        var deduction = Math.Min(grantedCents, (long)Math.Round(exact, 0, MidpointRounding.AwayFromZero));
        var through = counted.Count == 0 ? (DateOnly?)null : counted.Max(m => m.LastDay);
        return new OwedFigures(grantedCents, deduction, grantedCents - deduction, through);
    }

    /// <summary>Whether the month counts: within the grant, and ended before <paramref name="asOf"/>.</summary>
    public static bool Counts(VacantPostMonth month, DateOnly grantStart, DateOnly periodEnd, DateOnly asOf) =>
        month.FirstDay >= grantStart && month.LastDay <= periodEnd && month.LastDay < asOf;

    private static long RateOf(string category, FlatRates rates) => category switch
    {
        Specialist => rates.SpecialistCentsPerFteYear,
        Administration => rates.AdministrativeCentsPerFteYear,
        Support => rates.SupportCentsPerFteYear,
        _ => 0,
    };
}
