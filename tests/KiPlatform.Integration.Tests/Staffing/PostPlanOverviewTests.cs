using Google.Type;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using static KiPlatform.Integration.Tests.Applications.ApplicationRequests;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Staffing;

/// <summary>
/// What stood vacant and how full the plans are, over gRPC. The overviews are statewide and approvals published by other
/// tests reach every stack, so they look at the current period, which only these tests approve for.
/// </summary>
public sealed class PostPlanOverviewTests(StaffingStackFixture fixture) : IClassFixture<StaffingStackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PostPlanService.PostPlanServiceClient Client => fixture.PostPlans;

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private async Task<PostPlan> PlanWithOneSpecialistAsync(string ags, Date start, string period = StaffingStackFixture.CurrentPeriod)
    {
        var plan = await fixture.ApprovedPlanAsync(ags, new(0m, 1.0m, 0m, 0m), period);
        return await Client.FillPostAsync(new FillPostRequest
        {
            Post = plan.Posts.Single().Name,
            RequestId = NewId(),
            Occupant = new NewOccupant { StaffId = $"s-{ags}", DisplayName = "Kim Muster", ShareMilli = 1000, StartDate = start },
        }, Municipality(ags), cancellationToken: Ct);
    }

    [Fact]
    public async Task The_vacancy_of_a_period_counts_each_month_pro_rata_by_days_for_funding_to_deduct()
    {
        const string ags = "05711"; // Bielefeld
        var plan = await PlanWithOneSpecialistAsync(ags, Day(2013, 2, 15), period: "2013");

        var vacancy = await Client.GetPlanVacancyAsync(new GetPlanVacancyRequest { Name = plan.Name, FundingPeriod = "fundingPeriods/2013" },
            As(Roles.Service), cancellationToken: Ct);

        var months = Assert.Single(vacancy.Posts).Months;
        Assert.Equal(12, months.Count);
        Assert.Equal((31, 31_000L), (months[0].DaysInMonth, months[0].VacantMilliFteDays));
        Assert.Equal((28, 14_000L), (months[1].DaysInMonth, months[1].VacantMilliFteDays));
        Assert.All(months.Skip(2), m => Assert.Equal(0L, m.VacantMilliFteDays));
        var specialists = vacancy.Categories.Single(c => c.Category == PostCategory.Specialist);
        Assert.Equal((45_000L, 1500L), (specialists.VacantMilliFteDays, specialists.VacantMilliFteMonths));
    }

    [Fact]
    public async Task Fill_rates_and_long_vacancies_show_the_plans_on_a_date()
    {
        await PlanWithOneSpecialistAsync("05762", Day(2026, 2, 1)); // Kreis Höxter: filled from February
        await fixture.ApprovedPlanAsync("05770", new(0m, 1.0m, 0m, 0m), StaffingStackFixture.CurrentPeriod); // Kreis Minden-Lübbecke: vacant all year

        var rates = await Client.GetFillRatesAsync(new GetFillRatesRequest { Date = Day(2026, 9, 30) }, As(Roles.Laki), cancellationToken: Ct);
        var longVacancies = await Client.ListLongVacanciesAsync(new ListLongVacanciesRequest { Date = Day(2026, 9, 30), MinMonths = 6 }, Mais, cancellationToken: Ct);
        var notYetLong = await Client.ListLongVacanciesAsync(new ListLongVacanciesRequest { Date = Day(2026, 5, 31), MinMonths = 6 }, Mais, cancellationToken: Ct);

        var detmold = rates.ByDistrict.Single(r => r.GovernmentDistrict == "Detmold" && r.Category == PostCategory.Specialist);
        Assert.Equal((2000L, 1000L, 500), (detmold.PlannedFteMilli, detmold.FilledFteMilli, detmold.FillRatePermille));
        Assert.Equal(Ministry.Mais, detmold.Ministry);
        Assert.True(rates.ByMinistry.Single(r => r.Ministry == Ministry.Mais).PlannedFteMilli >= 2000);
        var listed = Assert.Single(longVacancies.LongVacancies, v => v.PostPlan == "postPlans/05770");
        Assert.Equal(("Kreis Minden-Lübbecke", 8, Day(2026, 1, 1)), (listed.MunicipalityDisplayName, listed.Posts.Single().VacantMonths, listed.Posts.Single().VacantSince));
        Assert.DoesNotContain(longVacancies.LongVacancies, v => v.PostPlan == "postPlans/05762");
        Assert.DoesNotContain(notYetLong.LongVacancies, v => v.PostPlan == "postPlans/05770");
    }

    [Fact]
    public async Task Listing_filters_by_district_and_vacancy()
    {
        await PlanWithOneSpecialistAsync("05112", Day(2026, 1, 1)); // Duisburg, filled, Düsseldorf
        await fixture.ApprovedPlanAsync("05113", new(0m, 1.0m, 0m, 0m), StaffingStackFixture.CurrentPeriod); // Essen, vacant, Düsseldorf

        var withVacancy = await Client.ListPostPlansAsync(new ListPostPlansRequest { GovernmentDistrict = "Düsseldorf", HasVacancy = true, FundingPeriod = "fundingPeriods/2026" },
            Msw, cancellationToken: Ct);
        var inKoeln = await Client.ListPostPlansAsync(new ListPostPlansRequest { GovernmentDistrict = "Köln" }, Msw, cancellationToken: Ct);

        Assert.Contains(withVacancy.PostPlans, p => p.Name == "postPlans/05113");
        Assert.DoesNotContain(withVacancy.PostPlans, p => p.Name == "postPlans/05112");
        Assert.All(withVacancy.PostPlans, p => Assert.Equal("Düsseldorf", p.GovernmentDistrict));
        Assert.DoesNotContain(inKoeln.PostPlans, p => p.GovernmentDistrict != "Köln");
    }
}
