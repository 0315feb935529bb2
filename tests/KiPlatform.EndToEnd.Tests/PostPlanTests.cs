using System.Diagnostics;
using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using KiPlatform.Testing;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>The post plan an approval makes, through the running stack: Applications publishes, Staffing consumes and asks Applications and Funding.</summary>
public sealed class PostPlanTests(PlatformFixture platform)
{
    private const string Ags = "05315"; // Köln; no other test applies for it

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_approved_application_yields_its_post_plan_in_the_approvals_trace()
    {
        var municipality = new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Municipality, Ags));
        var mais = new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Mais));
        var msw = new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Msw));
        var draft = await municipality.CreateApplicationAsync(new CreateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application
            {
                Municipality = $"municipalities/{Ags}",
                FundingPeriod = "fundingPeriods/2013",
                CouncilResolutionDate = new Google.Type.Date { Year = 2013, Month = 3, Day = 14 },
                IntegrationConcept = new IntegrationConcept { AdoptedDate = new Google.Type.Date { Year = 2012, Month = 6, Day = 1 } },
                OrganisationalPlacement = "Dezernat für Bildung, Jugend und Sport",
                Priorities = new StatutoryPriorities { Education = "Seiteneinstieg in Schule", CrossCuttingIntegration = "Interkulturelle Öffnung der Verwaltung" },
                Contact = new Contact { Name = "Lea Beispiel", Email = "ki@stadt-koeln.example" },
                RequestedPosts = new Posts { TeacherFte = 2.0, SpecialistFte = 1.5, AdministrativeFte = 1.0, SupportFte = 0.5 },
            },
        }, cancellationToken: Ct);
        await municipality.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Ct);
        await mais.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Ct);
        await msw.StartContentReviewAsync(new StartContentReviewRequest { Name = draft.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Ct);
        await mais.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = Guid.NewGuid().ToString(), Mais = new MaisPart { SpecialistFte = 1.5, AdministrativeFte = 1.0, SupportFte = 0.5 },
        }, cancellationToken: Ct);
        var traceId = ActivityTraceId.CreateRandom();
        await msw.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = Guid.NewGuid().ToString(), Msw = new MswPart { TeacherFte = 2.0 },
        }, headers: new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } }, cancellationToken: Ct);

        var staffing = new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Municipality, Ags));
        var plan = await Eventually.MatchesAsync(
            ct => staffing.GetPostPlanAsync(new GetPostPlanRequest { Name = $"postPlans/{Ags}" }, cancellationToken: ct).ResponseAsync,
            found => found.Posts.Count > 0, $"the post plan of {Ags} has its posts", TimeSpan.FromSeconds(60));
        using var dashboard = new DashboardTelemetry(platform);
        var services = await Eventually.MatchesAsync(async ct => await dashboard.TraceAsync(traceId.ToString(), ct) is { } trace ? DashboardTelemetry.ServiceNames(trace) : [],
            // Each service exports its spans in its own batches: wait for all three, not for the first two to arrive.
            found => found.Contains("applications") && found.Contains("staffing") && found.Contains("funding"), $"trace {traceId} shows the plan made in staffing",
            TimeSpan.FromSeconds(60));

        Assert.Equal(("Köln", "Köln"), (plan.MunicipalityDisplayName, plan.GovernmentDistrict));
        Assert.Equal(draft.Name, Assert.Single(plan.Periods).Application);
        Assert.Equal(5_000, plan.Posts.Sum(p => p.FteMilli));
        Assert.Equal(6, plan.Posts.Count);
        Assert.Superset(new HashSet<string> { "applications", "staffing", "funding" }, services);
    }
}
