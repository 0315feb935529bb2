namespace KiPlatform.Staffing.PostPlans;

/// <summary>One person's share of a post from a first day to a last day (none: still in post).</summary>
public sealed record FilledSpan(DateOnly From, DateOnly? To, int ShareMilli);

/// <summary>
/// What stood vacant of one post in one calendar month of a period: the vacant thousandths of an FTE summed over the
/// month's days. Kept as integers so that nothing is rounded before Funding applies its one rounding rule.
/// </summary>
public sealed record VacantMonth(int Year, int Month, long VacantMilliDays, int DaysInMonth)
{
    /// <summary>Vacant FTE-months: a whole month of a full post vacant is 1.</summary>
    public decimal FteMonths => VacantMilliDays / 1000m / DaysInMonth;
}

/// <summary>
/// What stood vacant (Vakanz) of a post, month by month: on each day of the period the post's FTE less the shares of
/// those in post that day (never below zero), and a month's vacant FTE-months the sum over its days divided by the
/// month's length. A post vacant for a whole month counts its FTE; for part of a month, pro rata by days. This is what
/// Funding deducts from the MAIS grant.
/// </summary>
public static class Vacancy
{
    /// <param name="postFteMilli">The post's size in thousandths of an FTE.</param>
    /// <param name="from">The period's first day.</param>
    /// <param name="to">The period's last day.</param>
    public static IReadOnlyList<VacantMonth> ByMonth(int postFteMilli, IReadOnlyCollection<FilledSpan> occupancies, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        var months = new List<VacantMonth>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var first = month < from ? from : month;
            var last = month.AddMonths(1).AddDays(-1) is var monthEnd && monthEnd > to ? to : monthEnd;
            var vacantMilliDays = 0L;
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var filled = occupancies.Where(o => o.From <= day && (o.To is not { } end || day <= end)).Sum(o => o.ShareMilli);
                vacantMilliDays += Math.Max(0, postFteMilli - filled);
            }

            var daysInMonth = DateTime.DaysInMonth(month.Year, month.Month);
            months.Add(new VacantMonth(month.Year, month.Month, vacantMilliDays, daysInMonth));
        }

        return months;
    }
}
