using System.Text.Json;
using KiPlatform.Infrastructure;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>
/// Adds the funding periods open for applications, with their post caps, shipped with the service
/// (period-post-caps.json); a period added there becomes open at the next start.
/// </summary>
internal sealed class PeriodPostCapsSeeder(ApplicationsDbContext db) : IDatabaseSeeder<ApplicationsDbContext>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task SeedAsync(CancellationToken cancellationToken) =>
        db.AddMissingAsync(ReadShipped(), c => c.PeriodId, beforeCommit: null, cancellationToken);

    internal static IReadOnlyList<PeriodPostCaps> ReadShipped()
    {
        using var stream = typeof(PeriodPostCapsSeeder).Assembly.GetManifestResourceStream("period-post-caps.json")
            ?? throw new InvalidOperationException("The period post caps are missing from the service assembly.");
        return JsonSerializer.Deserialize<List<PeriodPostCaps>>(stream, JsonOptions)
            ?? throw new InvalidDataException("period-post-caps.json is empty.");
    }
}
