using KiPlatform.Applications.V1;

namespace KiPlatform.ReadsBench;

internal static class BenchApplications
{
    /// <summary>A complete application of one municipality for 2013 at the default caps, as the bench creates them.</summary>
    public static Application Complete(string ags) => new()
    {
        Municipality = $"municipalities/{ags}",
        FundingPeriod = "fundingPeriods/2013",
        CouncilResolutionDate = new Google.Type.Date { Year = 2013, Month = 1, Day = 24 },
        IntegrationConcept = new IntegrationConcept { AdoptedDate = new Google.Type.Date { Year = 2012, Month = 12, Day = 13 } },
        OrganisationalPlacement = "Fachbereich Schule und Integration",
        Priorities = new StatutoryPriorities { Education = "Sprachbildung", CrossCuttingIntegration = "Interkulturelle Öffnung der Verwaltung" },
        Contact = new Contact { Name = "Bench Mark", Email = "ki@bench.example" },
        RequestedPosts = new Posts { TeacherFte = 2.0, SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
    };
}
