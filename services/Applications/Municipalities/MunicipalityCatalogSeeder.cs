using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using KiPlatform.Infrastructure;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Messaging.Outbox;

namespace KiPlatform.Applications.Municipalities;

/// <summary>
/// Loads the 54 municipalities shipped with the service (municipalities-nrw.csv) into the database, and tells the
/// other services (through the outbox, in the same transaction) when it added any.
/// </summary>
internal sealed partial class MunicipalityCatalogSeeder(
    ApplicationsDbContext db,
    EventOutbox<ApplicationsDbContext> outbox,
    TimeProvider clock,
    ILogger<MunicipalityCatalogSeeder> logger) : IDatabaseSeeder<ApplicationsDbContext>
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var (added, total) = await db.AddMissingAsync(ReadCatalog(), m => m.Ags, (added, total) =>
        {
            if (added > 0)
            {
                outbox.Add(new MunicipalitiesSeeded(added, total, clock.GetUtcNow()));
            }
        }, cancellationToken);
        LogSeeded(added, total);
    }

    internal static IReadOnlyList<Municipality> ReadCatalog()
    {
        using var stream = typeof(MunicipalityCatalogSeeder).Assembly.GetManifestResourceStream("municipalities-nrw.csv")
            ?? throw new InvalidOperationException("The municipality catalogue is missing from the service assembly.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        return csv.GetRecords<CatalogRow>().Select(row => row.ToMunicipality()).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Municipality catalogue loaded: {Added} added, {Total} in all")]
    private partial void LogSeeded(int added, int total);

    private sealed class CatalogRow
    {
        [Name("ags")] public string Ags { get; set; } = "";
        [Name("name")] public string Name { get; set; } = "";
        [Name("kind")] public string Kind { get; set; } = "";
        [Name("regierungsbezirk")] public string GovernmentDistrict { get; set; } = "";
        [Name("first_wave")] public bool FirstWave { get; set; }

        public Municipality ToMunicipality() => new()
        {
            Ags = Ags,
            Name = Name,
            Kind = Kind switch
            {
                "Kreis" => MunicipalityKind.District,
                "KreisfreieStadt" => MunicipalityKind.IndependentCity,
                "StaedteRegion" => MunicipalityKind.CityRegion,
                _ => throw new InvalidDataException($"Unknown municipality kind '{Kind}' for AGS {Ags}."),
            },
            GovernmentDistrict = GovernmentDistrict,
            FirstWave = FirstWave,
        };
    }
}
