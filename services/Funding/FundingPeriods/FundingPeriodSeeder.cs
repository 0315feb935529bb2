using System.Text.Json;
using KiPlatform.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>Adds the funding periods shipped with the service (funding-periods.json) that the database lacks.</summary>
internal sealed class FundingPeriodSeeder(FundingDbContext db) : IDatabaseSeeder<FundingDbContext>
{
    private const long SeedLockKey = 0x4B49_4655_4E44; // "KIFUND"
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var shipped = ReadShippedPeriods();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);
            var known = await db.FundingPeriods.Select(p => p.Id).ToHashSetAsync(ct);
            db.FundingPeriods.AddRange(shipped.Where(p => !known.Contains(p.Id)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    internal static IReadOnlyList<FundingPeriod> ReadShippedPeriods()
    {
        using var stream = typeof(FundingPeriodSeeder).Assembly.GetManifestResourceStream("funding-periods.json")
            ?? throw new InvalidOperationException("The funding periods are missing from the service assembly.");
        return JsonSerializer.Deserialize<List<FundingPeriod>>(stream, JsonOptions)
            ?? throw new InvalidDataException("funding-periods.json is empty.");
    }
}
