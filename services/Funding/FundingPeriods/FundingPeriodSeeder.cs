using System.Text.Json;
using KiPlatform.Infrastructure;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>Adds the funding periods shipped with the service (funding-periods.json) that the database lacks.</summary>
internal sealed class FundingPeriodSeeder(FundingDbContext db) : IDatabaseSeeder<FundingDbContext>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task SeedAsync(CancellationToken cancellationToken) =>
        db.AddMissingAsync(ReadShippedPeriods(), p => p.Id, beforeCommit: null, cancellationToken);

    internal static IReadOnlyList<FundingPeriod> ReadShippedPeriods()
    {
        using var stream = typeof(FundingPeriodSeeder).Assembly.GetManifestResourceStream("funding-periods.json")
            ?? throw new InvalidOperationException("The funding periods are missing from the service assembly.");
        return JsonSerializer.Deserialize<List<FundingPeriod>>(stream, JsonOptions)
            ?? throw new InvalidDataException("funding-periods.json is empty.");
    }
}
