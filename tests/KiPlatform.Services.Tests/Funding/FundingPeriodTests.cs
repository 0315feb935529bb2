using KiPlatform.Domain;
using KiPlatform.Funding.FundingPeriods;

namespace KiPlatform.Services.Tests.Funding;

public sealed class FundingPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly PostCaps DefaultCaps = new(2000, 2000, 1000, 500);

    private static FundingPeriod Period2026() => FundingPeriod.Add("2026",
        new FundingPeriodValues(983_000_000, 5_000_000, 5_000_000, 2_000_000, DefaultCaps, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
        "seed", "funding", Now);

    [Fact]
    public void The_shipped_periods_are_2013_with_the_known_rates_and_the_current_and_next_year_from_the_template()
    {
        var shipped = FundingPeriodSeeder.Shipped(2027, Now);

        var first = Assert.Single(shipped, p => p.Id == "2013");
        Assert.Equal((983_000_000L, 5_000_000L, 5_000_000L, 2_000_000L), (first.BudgetCents, first.SpecialistRatePerFteYearCents,
            first.AdministrativeRatePerFteYearCents, first.SupportRatePerHalfFteYearCents));
        // A full KI-year: 2.0 specialists, 1.0 administrative and 0.5 support come to 170,000 EUR.
        Assert.Equal(17_000_000, first.Rates.SpecialistCentsPerFteYear * 2 + first.Rates.AdministrativeCentsPerFteYear + first.Rates.SupportCentsPerFteYear / 2);
        var current = Assert.Single(shipped, p => p.Id == "2027");
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), DefaultCaps), (current.StartDate, current.EndDate, current.PostCaps));
        Assert.Single(current.Changes);
        var next = Assert.Single(shipped, p => p.Id == "2028");
        Assert.Equal((new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31)), (next.StartDate, next.EndDate));
    }

    [Fact]
    public void A_current_year_listed_in_the_file_is_not_added_twice()
    {
        Assert.Single(FundingPeriodSeeder.Shipped(2013, Now), p => p.Id == "2013");
    }

    [Fact]
    public void Raising_the_budget_from_9_83_to_10_million_is_kept_with_who_when_and_why()
    {
        var period = Period2026();

        var changed = period.Change(new FundingPeriodValues(BudgetCents: 1_000_000_000), committedCents: 0, hasGrants: true, "Haushalt 2026, Nachtrag", "admin-1", Now.AddDays(1));

        Assert.Equal(["budget 9830000.00 EUR -> 10000000.00 EUR"], changed);
        Assert.Equal(1_000_000_000, period.BudgetCents);
        var last = period.Changes[^1];
        Assert.Equal((2, "Haushalt 2026, Nachtrag", "admin-1", Now.AddDays(1)), (last.Position, last.Why, last.By, last.At));
        Assert.Equal(2, period.Revision);
    }

    [Fact]
    public void The_budget_cannot_drop_below_the_170_000_EUR_already_committed()
    {
        var period = Period2026();

        var refused = Assert.Throws<RuleViolationException>(() =>
            period.Change(new FundingPeriodValues(BudgetCents: 16_999_999), committedCents: 17_000_000, hasGrants: true, "cut", "admin-1", Now));

        Assert.Equal(FundingPeriodReasons.BudgetBelowCommitted, refused.Reason);
        Assert.Equal(983_000_000, period.BudgetCents);
        Assert.Single(period.Changes);
    }

    [Fact]
    public void Rates_and_dates_stay_once_grants_were_computed_with_them_but_not_before()
    {
        var granted = Period2026();
        var fresh = Period2026();

        var refused = Assert.Throws<RuleViolationException>(() =>
            granted.Change(new FundingPeriodValues(SpecialistRatePerFteYearCents: 5_700_000), 0, hasGrants: true, "new rate", "admin-1", Now));
        fresh.Change(new FundingPeriodValues(SpecialistRatePerFteYearCents: 5_700_000, SupportRatePerHalfFteYearCents: 2_250_000), 0, hasGrants: false, "new rate", "admin-1", Now);

        Assert.Equal(FundingPeriodReasons.PeriodHasGrants, refused.Reason);
        Assert.Equal(5_000_000, granted.SpecialistRatePerFteYearCents);
        Assert.Equal((5_700_000L, 4_500_000L), (fresh.Rates.SpecialistCentsPerFteYear, fresh.Rates.SupportCentsPerFteYear));
    }

    [Fact]
    public void A_period_cannot_end_before_it_starts()
    {
        var period = Period2026();

        var refused = Assert.Throws<FieldViolationException>(() =>
            period.Change(new FundingPeriodValues(EndDate: new DateOnly(2025, 12, 31)), 0, hasGrants: false, "typo", "admin-1", Now));

        Assert.Equal("funding_period.end_date", refused.Field);
        Assert.Equal(new DateOnly(2026, 12, 31), period.EndDate);
    }

    [Fact]
    public void Setting_the_values_it_has_changes_nothing_and_writes_no_history()
    {
        var period = Period2026();

        var changed = period.Change(new FundingPeriodValues(BudgetCents: 983_000_000, PostCaps: DefaultCaps), 0, hasGrants: true, "again", "admin-1", Now);

        Assert.Empty(changed);
        Assert.Single(period.Changes);
    }

    [Theory]
    [InlineData(983_000_000, 9_830_000, 0)]
    [InlineData(5_000_050, 50_000, 500_000_000)]
    [InlineData(1, 0, 10_000_000)]
    public void Cents_become_money_without_rounding_and_back(long cents, long units, int nanos)
    {
        var money = Euro.FromCents(cents);

        Assert.Equal(("EUR", units, nanos), (money.CurrencyCode, money.Units, money.Nanos));
        Assert.True(Euro.IsWholeCents(money));
        Assert.Equal(cents, Euro.ToCents(money));
    }

    [Fact]
    public void Money_finer_than_a_cent_or_not_in_euro_is_no_amount()
    {
        Assert.False(Euro.IsWholeCents(new Google.Type.Money { CurrencyCode = "EUR", Units = 1, Nanos = 5_000_000 }));
        Assert.False(Euro.IsWholeCents(new Google.Type.Money { CurrencyCode = "USD", Units = 1 }));
        Assert.False(Euro.IsWholeCents(new Google.Type.Money { CurrencyCode = "EUR", Units = -1 }));
    }
}
