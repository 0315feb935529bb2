using KiPlatform.Rpc.Security;
using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Funding.V1;
using KiPlatform.Notifications.V1;
using KiPlatform.Staffing.V1;

namespace KiPlatform.EndToEnd.Tests;

public sealed class ReadRpcTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Applications_returns_a_seeded_municipality()
    {
        var client = new MunicipalityService.MunicipalityServiceClient(platform.Channel("applications", Roles.Laki));

        var duesseldorf = await client.GetMunicipalityAsync(new GetMunicipalityRequest { Name = "municipalities/05111" }, cancellationToken: Cancellation);
        var aachen = await client.GetMunicipalityAsync(new GetMunicipalityRequest { Name = "municipalities/05334002" }, cancellationToken: Cancellation);

        Assert.Equal("Düsseldorf", duesseldorf.DisplayName);
        Assert.Equal(MunicipalityKind.IndependentCity, duesseldorf.Kind);
        Assert.Equal("Düsseldorf", duesseldorf.GovernmentDistrict);
        Assert.Equal("Aachen (Stadt)", aachen.DisplayName);
        Assert.Matches("^\"[0-9a-f]{8}\"$", duesseldorf.Etag);
    }

    [Fact]
    public async Task Applications_refuses_a_malformed_name_naming_the_field()
    {
        var client = new MunicipalityService.MunicipalityServiceClient(platform.Channel("applications", Roles.Laki));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetMunicipalityAsync(new GetMunicipalityRequest { Name = "Düsseldorf" }, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("name", Assert.Single(error.BadRequest().FieldViolations).Field);
        Assert.Equal("MALFORMED_NAME", error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task Staffing_asks_applications_for_the_municipality_of_a_post_plan()
    {
        var client = new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Msw));

        // Kreis Steinfurt: no test applies for it, so it has no plan yet.
        var plan = await client.GetPostPlanAsync(new GetPostPlanRequest { Name = "postPlans/05566" }, cancellationToken: Cancellation);

        Assert.Equal("municipalities/05566", plan.Municipality);
        Assert.Equal("Kreis Steinfurt", plan.MunicipalityDisplayName);
        Assert.Empty(plan.Posts);
    }

    [Fact]
    public async Task Staffing_reports_a_municipality_applications_does_not_know_as_not_found()
    {
        var client = new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Msw));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetPostPlanAsync(new GetPostPlanRequest { Name = "postPlans/09162" }, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("MUNICIPALITY_NOT_FOUND", error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task Funding_returns_the_rates_of_a_period_as_money()
    {
        var client = new FundingPeriodService.FundingPeriodServiceClient(platform.Channel("funding", Roles.Mais));

        var period = await client.GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = "fundingPeriods/2013" }, cancellationToken: Cancellation);

        Assert.Equal(9_830_000, period.Budget.Units);
        Assert.Equal(50_000, period.SpecialistRatePerFteYear.Units);
        Assert.Equal(20_000, period.SupportRatePerHalfFteYear.Units);
        Assert.Equal("EUR", period.Budget.CurrencyCode);
        Assert.Equal(2013, period.StartDate.Year);
    }

    [Fact]
    public async Task Funding_reports_an_unknown_period_as_not_found()
    {
        var client = new FundingPeriodService.FundingPeriodServiceClient(platform.Channel("funding", Roles.Mais));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = "fundingPeriods/1999" }, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("FUNDING_PERIOD_NOT_FOUND", error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task Notifications_refuses_a_negative_page_size()
    {
        var client = new InboxService.InboxServiceClient(platform.Channel("notifications", Roles.Laki));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.ListInboxItemsAsync(new ListInboxItemsRequest { Parent = "recipients/laki", PageSize = -1 }, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("page_size", Assert.Single(error.BadRequest().FieldViolations).Field);
        Assert.Equal("PAGE_SIZE_NEGATIVE", error.ErrorInfo().Reason);
    }
}
