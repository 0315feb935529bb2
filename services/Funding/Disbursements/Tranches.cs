namespace KiPlatform.Funding.Disbursements;

/// <summary>
/// Fixed tranches, for a period that pays that way: on 1 May and 1 October of each of its years. Each tranche pays what
/// is left of the grant divided by the tranches still to come, so the last pays exactly the rest; a tranche whose date
/// passed before the notice became final is paid as soon as it is.
/// </summary>
public static class Tranches
{
    public static IReadOnlyList<DateOnly> DatesIn(DateOnly periodStart, DateOnly periodEnd)
    {
        var dates = new List<DateOnly>();
        for (var year = periodStart.Year; year <= periodEnd.Year; year++)
        {
            foreach (var date in new[] { new DateOnly(year, 5, 1), new DateOnly(year, 10, 1) })
            {
                if (date >= periodStart && date <= periodEnd)
                {
                    dates.Add(date);
                }
            }
        }

        return dates;
    }

    /// <summary>The amount of the tranche of <paramref name="date"/>: what is left, split evenly over it and the tranches after it, in whole cents.</summary>
    public static long Amount(DateOnly date, IReadOnlyList<DateOnly> dates, long leftCents)
    {
        var toCome = dates.Count(d => d >= date);
        return toCome <= 1 ? leftCents : leftCents / toCome;
    }
}
