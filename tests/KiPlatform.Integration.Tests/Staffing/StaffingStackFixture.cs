using Grpc.Core;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using KiPlatform.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Staffing;

/// <summary>One Staffing stack per test class; each test of the class works on municipalities of its own.</summary>
public sealed class StaffingStackFixture(ServersFixture servers) : IAsyncLifetime
{
    public static readonly PostFte DefaultPosts = new(2.0m, 2.0m, 1.0m, 0.5m);

    internal StaffingStack Stack { get; private set; } = null!;

    public PostPlanService.PostPlanServiceClient PostPlans => Stack.PostPlans;

    /// <summary>The current year's period, which no other test class approves for: the overviews look at it alone.</summary>
    public const string CurrentPeriod = "2026";

    public async ValueTask InitializeAsync()
    {
        Stack = await StaffingStack.StartAsync(servers, TestContext.Current.CancellationToken);
        await Stack.AddFundingPeriodAsync(CurrentPeriod, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
    }

    public async ValueTask DisposeAsync()
    {
        // Null when starting the stack failed: that failure is the one to report.
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }
    }

    /// <summary>Publishes the approval of <paramref name="ags"/> and waits for the plan to show it.</summary>
    public async Task<PostPlan> ApprovedPlanAsync(string ags, PostFte? posts = null, string period = "2013")
    {
        await Stack.PublishAsync(Approval(ags, posts, period), Guid.NewGuid());
        return await PlanWithPeriodAsync(ags, period);
    }

    public static ApplicationApproved Approval(string ags, PostFte? posts = null, string period = "2013") =>
        new(Guid.NewGuid(), ags, period, posts ?? DefaultPosts, DateTimeOffset.UtcNow);

    public Task<PostPlan> PlanWithPeriodAsync(string ags, string period) =>
        Eventually.MatchesAsync(
            ct => PostPlans.GetPostPlanAsync(new GetPostPlanRequest { Name = $"postPlans/{ags}" }, As(Roles.Admin), cancellationToken: ct).ResponseAsync,
            plan => plan.Periods.Any(p => p.FundingPeriod == $"fundingPeriods/{period}"),
            $"the post plan of {ags} has period {period}");

    public static Metadata Admin => As(Roles.Admin);
}
