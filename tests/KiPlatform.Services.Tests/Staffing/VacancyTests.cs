using KiPlatform.Staffing.PostPlans;

namespace KiPlatform.Services.Tests.Staffing;

public sealed class VacancyTests
{
    private static readonly DateOnly YearStart = new(2024, 1, 1);
    private static readonly DateOnly YearEnd = new(2024, 12, 31);

    [Fact]
    public void A_post_filled_all_year_stood_vacant_for_nothing()
    {
        var months = Vacancy.ByMonth(1000, [new FilledSpan(YearStart, null, 1000)], YearStart, YearEnd);

        Assert.Equal(12, months.Count);
        Assert.All(months, month => Assert.Equal(0m, month.FteMonths));
    }

    [Fact]
    public void A_full_post_vacant_for_all_of_february_of_a_leap_year_counts_one_fte_month()
    {
        var occupancies = new[] { new FilledSpan(YearStart, new DateOnly(2024, 1, 31), 1000), new FilledSpan(new DateOnly(2024, 3, 1), null, 1000) };

        var months = Vacancy.ByMonth(1000, occupancies, YearStart, YearEnd);

        Assert.Equal(1m, months.Single(m => m.Month == 2).FteMonths);
        Assert.Equal(1m, months.Sum(m => m.FteMonths));
    }

    [Fact]
    public void A_post_vacant_from_the_15th_of_february_2024_counts_15_of_29_days_that_month()
    {
        var months = Vacancy.ByMonth(1000, [new FilledSpan(YearStart, new DateOnly(2024, 2, 14), 1000)], YearStart, new DateOnly(2024, 2, 29));

        Assert.Equal(15m / 29m, months[1].FteMonths);
    }

    [Fact]
    public void A_full_post_held_at_half_share_leaves_half_of_it_vacant()
    {
        var months = Vacancy.ByMonth(1000, [new FilledSpan(YearStart, null, 500)], YearStart, new DateOnly(2024, 3, 31));

        Assert.All(months, month => Assert.Equal(0.5m, month.FteMonths));
    }

    [Fact]
    public void A_post_shared_by_two_half_shares_stands_vacant_for_nothing()
    {
        var shared = new[] { new FilledSpan(YearStart, null, 500), new FilledSpan(YearStart, null, 500) };

        Assert.All(Vacancy.ByMonth(1000, shared, YearStart, YearEnd), month => Assert.Equal(0m, month.FteMonths));
    }

    [Fact]
    public void A_vacancy_over_the_year_end_counts_in_both_years_by_their_days()
    {
        var occupancies = new[] { new FilledSpan(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 15), 1000), new FilledSpan(new DateOnly(2024, 1, 16), null, 1000) };

        var months = Vacancy.ByMonth(1000, occupancies, new DateOnly(2023, 12, 1), new DateOnly(2024, 1, 31));

        Assert.Equal([new VacantMonth(2023, 12, 16_000, 31), new VacantMonth(2024, 1, 15_000, 31)], months);
        Assert.Equal(16m / 31m, months[0].FteMonths);
    }

    [Fact]
    public void A_half_post_vacant_all_month_counts_half_an_fte_month()
    {
        var months = Vacancy.ByMonth(500, [], new DateOnly(2013, 10, 1), new DateOnly(2013, 10, 31));

        Assert.Equal(0.5m, Assert.Single(months).FteMonths);
    }
}
