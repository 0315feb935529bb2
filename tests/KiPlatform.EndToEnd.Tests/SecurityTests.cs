using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>Bearer tokens and resource-level checks through the running stack, with tokens signed by the AppHost's key.</summary>
public sealed class SecurityTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("applications")]
    [InlineData("staffing")]
    [InlineData("funding")]
    [InlineData("notifications")]
    public async Task Every_service_refuses_a_call_without_a_token(string service)
    {
        var call = new CallInvokerProbe(platform.Channel(service));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.AnyDomainRpcAsync(service, Cancellation));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("TOKEN_MISSING", error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task A_municipality_reads_its_own_post_plan_through_staffing_and_applications()
    {
        var client = new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Municipality, "05334002"));

        var plan = await client.GetPostPlanAsync(new GetPostPlanRequest { Name = "postPlans/05334002" }, cancellationToken: Cancellation);

        Assert.Equal("Aachen (Stadt)", plan.MunicipalityDisplayName);
    }

    [Fact]
    public async Task A_municipality_reaching_for_another_municipalitys_post_plan_is_refused()
    {
        var client = new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Municipality, "05334002"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetPostPlanAsync(new GetPostPlanRequest { Name = "postPlans/05111" }, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("OTHER_MUNICIPALITY", error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var forged = DevelopmentTokens.Create(new string('x', 64), Roles.Admin, null, TimeSpan.FromHours(1), TimeProvider.System);
        var client = new MunicipalityService.MunicipalityServiceClient(platform.Channel("applications"));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.GetMunicipalityAsync(
            new GetMunicipalityRequest { Name = "municipalities/05111" },
            new Metadata { { "authorization", $"Bearer {forged}" } },
            cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("TOKEN_INVALID", error.ErrorInfo().Reason);
    }

    /// <summary>Calls one real RPC of the named service, whatever its answer.</summary>
    private sealed class CallInvokerProbe(Grpc.Net.Client.GrpcChannel channel)
    {
        public Task AnyDomainRpcAsync(string service, CancellationToken cancellationToken) => service switch
        {
            "applications" => new MunicipalityService.MunicipalityServiceClient(channel)
                .GetMunicipalityAsync(new GetMunicipalityRequest { Name = "municipalities/05111" }, cancellationToken: cancellationToken).ResponseAsync,
            "staffing" => new PostPlanService.PostPlanServiceClient(channel)
                .GetPostPlanAsync(new GetPostPlanRequest { Name = "postPlans/05111" }, cancellationToken: cancellationToken).ResponseAsync,
            "funding" => new Funding.V1.FundingPeriodService.FundingPeriodServiceClient(channel)
                .GetFundingPeriodAsync(new Funding.V1.GetFundingPeriodRequest { Name = "fundingPeriods/2013" }, cancellationToken: cancellationToken).ResponseAsync,
            _ => new Notifications.V1.InboxService.InboxServiceClient(channel)
                .ListInboxItemsAsync(new Notifications.V1.ListInboxItemsRequest { Parent = "recipients/laki" }, cancellationToken: cancellationToken).ResponseAsync,
        };
    }
}
