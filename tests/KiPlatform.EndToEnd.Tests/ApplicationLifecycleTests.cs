using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>An application from draft to approval through the running stack, by the roles that take each step.</summary>
public sealed class ApplicationLifecycleTests(PlatformFixture platform)
{
    private const string Ags = "05334002"; // the city of Aachen; no other test applies for it

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_municipality_applies_and_both_ministries_approve()
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
                CouncilResolutionDate = new Google.Type.Date { Year = 2013, Month = 2, Day = 7 },
                IntegrationConcept = new IntegrationConcept { PlannedDate = new Google.Type.Date { Year = 2013, Month = 9, Day = 30 }, Plan = "Konzeptgruppe mit Schulamt und Jobcenter" },
                OrganisationalPlacement = "Fachbereich Integration",
                Priorities = new StatutoryPriorities { Education = "Sprachbildung in Kitas", CrossCuttingIntegration = "Interkulturelle Öffnung" },
                Contact = new Contact { Name = "Jan Muster", Email = "ki@aachen.example" },
                RequestedPosts = new Posts { TeacherFte = 1.0, SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
            },
        }, cancellationToken: Cancellation);
        await municipality.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Cancellation);
        await mais.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Cancellation);
        await msw.StartContentReviewAsync(new StartContentReviewRequest { Name = draft.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Cancellation);
        await mais.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = Guid.NewGuid().ToString(), Mais = new MaisPart { SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
        }, cancellationToken: Cancellation);
        await msw.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = Guid.NewGuid().ToString(), Msw = new MswPart { TeacherFte = 1.0 },
        }, cancellationToken: Cancellation);

        var approved = await municipality.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, cancellationToken: Cancellation);
        Assert.Equal(ApplicationState.Approved, approved.State);
        var coverage = await new MunicipalityService.MunicipalityServiceClient(platform.Channel("applications", Roles.Laki))
            .GetCoverageAsync(new GetCoverageRequest(), cancellationToken: Cancellation);
        Assert.DoesNotContain($"municipalities/{Ags}", coverage.Districts.SelectMany(d => d.Missing));
    }
}
