using KiPlatform.Funding.Grants;

namespace KiPlatform.Services.Tests.Funding;

public sealed class GrantCalculationTests
{
    private static readonly FlatRates Defaults = new(5_000_000, 5_000_000, 4_000_000);
    private static readonly DateOnly PeriodStart = new(2013, 1, 1);
    private static readonly DateOnly PeriodEnd = new(2013, 12, 31);

    [Fact]
    public void A_full_KI_year_approved_before_the_period_is_170_000_00_euros()
    {
        var grant = GrantCalculation.Compute(new MaisFte(2000, 1000, 500), Defaults, new DateOnly(2012, 12, 10), PeriodStart, PeriodEnd);

        Assert.Equal(new GrantAmounts(PeriodStart, 12, 10_000_000, 5_000_000, 2_000_000, 17_000_000), grant);
    }

    [Fact]
    public void An_approval_in_September_starts_on_1_October_and_grants_3_months_42_500_00_euros()
    {
        var grant = GrantCalculation.Compute(new MaisFte(2000, 1000, 500), Defaults, new DateOnly(2013, 9, 20), PeriodStart, PeriodEnd);

        Assert.Equal((new DateOnly(2013, 10, 1), 3, 4_250_000L), (grant.Start, grant.Months, grant.TotalCents));
    }

    [Fact]
    public void A_reduced_approval_of_1_5_specialist_fte_for_a_full_year_is_145_000_00_euros()
    {
        var grant = GrantCalculation.Compute(new MaisFte(1500, 1000, 500), Defaults, new DateOnly(2012, 11, 30), PeriodStart, PeriodEnd);

        Assert.Equal((7_500_000L, 14_500_000L), (grant.SpecialistCents, grant.TotalCents));
    }

    [Fact]
    public void An_approval_of_teacher_posts_only_is_no_money()
    {
        var grant = GrantCalculation.Compute(new MaisFte(0, 0, 0), Defaults, new DateOnly(2012, 12, 10), PeriodStart, PeriodEnd);

        Assert.Equal(0, grant.TotalCents);
    }

    [Fact]
    public void Seven_months_of_a_specialist_and_the_half_support_post_round_once_to_40_833_33_euros()
    {
        var grant = GrantCalculation.Compute(new MaisFte(1000, 0, 500), Defaults, new DateOnly(2013, 5, 2), PeriodStart, PeriodEnd);

        Assert.Equal(7, grant.Months);
        Assert.Equal((2_916_667L, 1_166_667L), (grant.SpecialistCents, grant.SupportCents)); // 29,166.666… and 11,666.666… each shown rounded
        Assert.Equal(4_083_333L, grant.TotalCents); // the exact 40,833.333… rounded once, not the shown parts added
    }

    [Fact]
    public void An_approval_after_the_period_grants_no_month()
    {
        var grant = GrantCalculation.Compute(new MaisFte(2000, 1000, 500), Defaults, new DateOnly(2013, 12, 5), PeriodStart, PeriodEnd);

        Assert.Equal((0, 0L), (grant.Months, grant.TotalCents));
    }

    [Theory]
    [InlineData("2013-01-01", "2013-12-31", 12)]
    [InlineData("2013-10-01", "2013-12-31", 3)]
    [InlineData("2013-10-15", "2013-12-31", 2)]
    [InlineData("2013-01-01", "2013-12-30", 11)]
    [InlineData("2014-01-01", "2013-12-31", 0)]
    public void Whole_months_count_only_months_wholly_inside(string start, string end, int months) =>
        Assert.Equal(months, GrantCalculation.WholeMonths(
            DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
}
