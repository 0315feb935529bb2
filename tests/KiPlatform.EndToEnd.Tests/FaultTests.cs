using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.FirstWave;
using KiPlatform.Funding.V1;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using KiPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>Faults run alone, after every other test: they take parts of the shared stack away.</summary>
[CollectionDefinition(nameof(Faults), DisableParallelization = true)]
public sealed class Faults;

/// <summary>
/// Parts of the running stack killed or stopped in the middle of work, and started again: no approval is lost and
/// none has its effects twice. Each test applies for municipalities no other test applies for.
/// </summary>
[Collection(nameof(Faults))]
public sealed class FaultTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RabbitMQ_killed_hard_in_a_burst_of_approvals_and_started_again_each_yields_one_plan_one_grant_and_its_notices_once()
    {
        string[] burst = ["05154", "05162", "05166", "05382"]; // Kreis Kleve, Rhein-Kreis Neuss, Kreis Viersen, Rhein-Sieg-Kreis
        await BurstWithAsync("messaging", burst);
    }

    [Fact]
    public async Task Staffing_killed_hard_in_a_burst_of_approvals_and_started_again_each_yields_one_plan_one_grant_and_its_notices_once()
    {
        string[] burst = ["05362", "05366", "05374", "05512"]; // Rhein-Erft-Kreis, Kreis Euskirchen, Oberbergischer Kreis, Bottrop
        await BurstWithAsync("staffing", burst);
    }

    [Fact]
    public async Task With_Redis_stopped_reads_answer_and_a_live_stream_still_gets_its_items_and_after_its_restart_too()
    {
        const string ags = "05378"; // Rheinisch-Bergischer Kreis
        using var connection = Connect();
        var scenario = new FirstWaveScenario(connection);
        var period = await scenario.PeriodAheadAsync(Ct);
        using var live = new InboxService.InboxServiceClient(platform.Channel("notifications", Roles.Municipality, ags))
            .StreamInboxItems(new StreamInboxItemsRequest { Parent = $"recipients/municipality-{ags}" }, cancellationToken: Ct);
        Assert.True(await live.ResponseStream.MoveNext(Ct)); // caught up

        await StopAsync("cache");
        string application;
        try
        {
            application = await scenario.ApproveAsync(new FirstWaveMunicipality(ags, "Rheinisch-Bergischer Kreis", "Köln"), period, Ct);
            var read = await new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Mais))
                .GetApplicationAsync(new GetApplicationRequest { Name = application }, cancellationToken: Ct);
            Assert.Equal(ApplicationState.Approved, read.State);
            // The approval's notice reaches the stream without a wake-up: by the stream's own look.
            Assert.Contains(application, await PushedAsync(live, application));
        }
        finally
        {
            await StartAgainAsync("cache");
        }

        var plan = await Eventually.MatchesAsync(ct => PlanOfAsync(ags, ct), p => p is not null, $"the post plan of {ags}", Patience);
        Assert.Contains(plan!.Name, await PushedAsync(live, plan.Name));
    }

    private async Task BurstWithAsync(string fault, string[] burst)
    {
        using var connection = Connect();
        var scenario = new FirstWaveScenario(connection);
        var period = await scenario.PeriodAheadAsync(Ct);
        var municipalities = (await new MunicipalityService.MunicipalityServiceClient(platform.Channel("applications", Roles.Laki))
            .ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageSize = 100 }, cancellationToken: Ct)).Municipalities.ToDictionary(m => m.Ags);
        Task<string> Approve(string ags) => scenario.ApproveAsync(new FirstWaveMunicipality(ags, municipalities[ags].DisplayName, municipalities[ags].GovernmentDistrict), period, Ct);

        // The first half of the burst is under way, and one of it approved, when the fault strikes; the second half is
        // approved while it lasts: approving needs neither the broker nor Staffing, the outbox keeps the events.
        var approving = burst[..(burst.Length / 2)].Select(Approve).ToList();
        await Task.WhenAny(approving);
        await KillHardAsync(fault);
        string[] approved;
        try
        {
            approving.AddRange(burst[(burst.Length / 2)..].Select(Approve));
            approved = await Task.WhenAll(approving);
        }
        finally
        {
            await StartAgainAsync(fault);
        }

        for (var i = 0; i < burst.Length; i++)
        {
            await OneOfEachAsync(burst[i], approved[i], period);
        }
    }

    /// <summary>One post plan for the approval, one grant, and in the municipality's inbox one notice of each.</summary>
    private async Task OneOfEachAsync(string ags, string application, string period)
    {
        var plan = await Eventually.MatchesAsync(ct => PlanOfAsync(ags, ct), p => p is not null && p.Periods.Any(x => x.Application == application), $"the post plan of {ags}", Patience);
        var grants = await Eventually.MatchesAsync(
            async ct => (await new GrantService.GrantServiceClient(platform.Channel("funding", Roles.Mais))
                .ListGrantsAsync(new ListGrantsRequest { Municipality = $"municipalities/{ags}", FundingPeriod = period }, cancellationToken: ct)).Grants,
            g => g.Any(x => x.State is GrantState.Issued or GrantState.QueuedForBudget), $"the grant of {ags} decided", Patience);
        var grant = Assert.Single(grants);
        Assert.Equal(application, grant.Application);
        Assert.Single(plan!.Periods, p => p.FundingPeriod == period);

        var inbox = new InboxService.InboxServiceClient(platform.Channel("notifications", Roles.Municipality, ags));
        var items = await Eventually.MatchesAsync(
            async ct => (await inbox.ListInboxItemsAsync(new ListInboxItemsRequest { Parent = $"recipients/municipality-{ags}", PageSize = 100 }, cancellationToken: ct)).Items,
            i => i.Any(x => x.SubjectResource == application) && i.Any(x => x.SubjectResource == plan.Name) && i.Any(x => x.SubjectResource == grant.Name),
            $"the inbox of {ags} tells of the approval, the plan and the grant", Patience);
        Assert.Single(items, x => x.SubjectResource == application);
        Assert.Single(items, x => x.SubjectResource == plan.Name);
        Assert.Single(items, x => x.SubjectResource == grant.Name);
    }

    private async Task<Staffing.V1.PostPlan?> PlanOfAsync(string ags, CancellationToken cancellationToken)
    {
        var plan = await new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Laki))
            .GetPostPlanAsync(new GetPostPlanRequest { Name = $"postPlans/{ags}" }, cancellationToken: cancellationToken);
        return plan.Posts.Count > 0 ? plan : null;
    }

    /// <summary>What the stream pushes until <paramref name="awaited"/> is among it.</summary>
    private static async Task<List<string>> PushedAsync(AsyncServerStreamingCall<StreamInboxItemsResponse> live, string awaited)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Patience);
        var pushed = new List<string>();
        while (!pushed.Contains(awaited) && await live.ResponseStream.MoveNext(deadline.Token))
        {
            pushed.Add(live.ResponseStream.Current.Item?.SubjectResource ?? "");
        }

        return pushed;
    }

    private PlatformConnection Connect() => new(
        new PlatformAddresses(platform.App.GetEndpoint("applications", "http"), platform.App.GetEndpoint("staffing", "http"),
            platform.App.GetEndpoint("funding", "http"), platform.App.GetEndpoint("notifications", "http")),
        platform.SigningKey, TimeProvider.System);

    /// <summary>SIGKILL to the resource's process and everything it started, as a crash or the OOM killer would.</summary>
    /// <remarks>Aspire names the property in its own KnownProperties, which it keeps internal.</remarks>
    private async Task KillHardAsync(string resource)
    {
        var notifications = platform.App.Services.GetRequiredService<ResourceNotificationService>();
        Assert.True(notifications.TryGetCurrentState(resource, out var state));
        var pid = Convert.ToInt32(state.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
        }

        await notifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text is not (null or "Running" or "Starting"), Ct);
    }

    private async Task StopAsync(string resource)
    {
        var result = await platform.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, Ct);
        Assert.True(result.Success, result.Message);
        await platform.App.Services.GetRequiredService<ResourceNotificationService>()
            .WaitForResourceAsync(resource, e => e.Snapshot.State?.Text is not (null or "Running" or "Starting" or "Stopping"), Ct);
    }

    private async Task StartAgainAsync(string resource)
    {
        var result = await platform.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, Ct);
        Assert.True(result.Success, result.Message);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Patience);
        await platform.App.Services.GetRequiredService<ResourceNotificationService>().WaitForResourceHealthyAsync(resource, deadline.Token);
    }
}
