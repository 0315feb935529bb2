using KiPlatform.Funding.FundingPeriods;

namespace KiPlatform.Services.Tests;

public sealed class FundingPeriodTests
{
    [Fact]
    public void The_shipped_period_carries_the_known_rates_and_budget_in_cents()
    {
        var period = Assert.Single(FundingPeriodSeeder.ReadShippedPeriods(), p => p.Id == "2013");

        Assert.Equal(983_000_000, period.BudgetCents);
        Assert.Equal(5_000_000, period.SpecialistRatePerFteYearCents);
        Assert.Equal(2_000_000, period.SupportRatePerHalfFteYearCents);
        Assert.True(period.EndDate >= period.StartDate);
    }

    [Theory]
    [InlineData(983_000_000, 9_830_000, 0)]
    [InlineData(5_000_050, 50_000, 500_000_000)]
    [InlineData(1, 0, 10_000_000)]
    public void Cents_become_money_without_rounding(long cents, long units, int nanos)
    {
        var money = Euro.FromCents(cents);

        Assert.Equal("EUR", money.CurrencyCode);
        Assert.Equal(units, money.Units);
        Assert.Equal(nanos, money.Nanos);
    }
}
