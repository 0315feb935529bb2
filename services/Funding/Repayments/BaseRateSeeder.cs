using System.Text.Json;
using KiPlatform.Infrastructure;

namespace KiPlatform.Funding.Repayments;

/// <summary>
/// Adds the base rates shipped with the service (base-rates.json: the Bundesbank's published series from 2012 on) that
/// the database lacks. A new half-year's rate is added to that file and arrives with the next start.
/// </summary>
internal sealed class BaseRateSeeder(FundingDbContext db) : IDatabaseSeeder<FundingDbContext>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task SeedAsync(CancellationToken cancellationToken) => db.AddMissingAsync(Shipped(), r => r.EffectiveFrom, beforeCommit: null, cancellationToken);

    internal static IReadOnlyList<BaseRate> Shipped()
    {
        using var stream = typeof(BaseRateSeeder).Assembly.GetManifestResourceStream("base-rates.json")
            ?? throw new InvalidOperationException("The base rates are missing from the service assembly.");
        return JsonSerializer.Deserialize<List<BaseRate>>(stream, JsonOptions) ?? throw new InvalidDataException("base-rates.json is empty.");
    }
}
