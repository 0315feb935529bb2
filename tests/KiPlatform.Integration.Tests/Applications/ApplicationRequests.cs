using Google.Protobuf.WellKnownTypes;
using KiPlatform.Applications.V1;

namespace KiPlatform.Integration.Tests.Applications;

/// <summary>Requests a complete application of one municipality would send.</summary>
internal static class ApplicationRequests
{
    public static Application Complete(string ags, string period = "2013") => new()
    {
        Municipality = $"municipalities/{ags}",
        FundingPeriod = $"fundingPeriods/{period}",
        CouncilResolutionDate = new Google.Type.Date { Year = 2013, Month = 1, Day = 15 },
        IntegrationConcept = new IntegrationConcept { AdoptedDate = new Google.Type.Date { Year = 2012, Month = 11, Day = 20 } },
        OrganisationalPlacement = "Dezernat III, Amt für Schule und Integration",
        Priorities = new StatutoryPriorities { Education = "Übergang Schule–Beruf", CrossCuttingIntegration = "Interkulturelle Öffnung" },
        Contact = new Contact { Name = "Anna Beispiel", Email = "ki@example.de" },
        RequestedPosts = new Posts { TeacherFte = 2.0, SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
    };

    public static CreateApplicationRequest Create(string ags, Application? content = null) =>
        new() { Application = content ?? Complete(ags), RequestId = NewId() };

    public static string NewId() => Guid.NewGuid().ToString();

    public static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };
}
