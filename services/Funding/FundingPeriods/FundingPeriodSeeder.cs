using KiPlatform.Domain;
using System.Text.Json;
using KiPlatform.Funding.Grants;
using KiPlatform.Infrastructure;
using KiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>
/// Adds the funding periods shipped with the service (funding-periods.json) that the database lacks: the historical
/// ones listed there, and the current and the next year's (calendar years in Germany) with the figures of the
/// current-year template, so a stack started on any day can grant real months: an approval in December is granted from
/// January, in the next year's period. Then announces every period as it stands
/// (<c>FundingPeriodChanged</c>), so the copies other services keep catch up with a period added or changed while
/// they were away.
/// </summary>
internal sealed class FundingPeriodSeeder(FundingDbContext db, EventOutbox<FundingDbContext> outbox, TimeProvider clock) : IDatabaseSeeder<FundingDbContext>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var shipped = Shipped(StateCalendar.DayOf(now).Year, now);
        await db.AddMissingAsync(shipped, p => p.Id, beforeCommit: null, cancellationToken);
        db.ChangeTracker.Clear();
        foreach (var period in await db.FundingPeriods.AsNoTracking().ToListAsync(cancellationToken))
        {
            outbox.Add(FundingPeriodEvents.Changed(period, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static IReadOnlyList<FundingPeriod> Shipped(int currentYear, DateTimeOffset now)
    {
        using var stream = typeof(FundingPeriodSeeder).Assembly.GetManifestResourceStream("funding-periods.json")
            ?? throw new InvalidOperationException("The funding periods are missing from the service assembly.");
        var file = JsonSerializer.Deserialize<ShippedPeriods>(stream, JsonOptions) ?? throw new InvalidDataException("funding-periods.json is empty.");
        var periods = file.Periods.Select(p => FundingPeriod.Add(p.Id, p.Values, "Shipped with the service", GrantActors.System, now)).ToList();
        foreach (var (year, reason) in new[] { (currentYear, "The current year"), (currentYear + 1, "The next year") })
        {
            var id = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (periods.All(p => p.Id != id))
            {
                var values = file.CurrentYear.Values with { StartDate = new DateOnly(year, 1, 1), EndDate = new DateOnly(year, 12, 31) };
                periods.Add(FundingPeriod.Add(id, values, $"{reason}, from the service's template", GrantActors.System, now));
            }
        }

        return periods;
    }

    private sealed record ShippedPeriods(IReadOnlyList<ShippedPeriod> Periods, ShippedPeriod CurrentYear);

    private sealed record ShippedPeriod(
        string Id, DateOnly? StartDate, DateOnly? EndDate, long BudgetCents, long SpecialistRatePerFteYearCents,
        long AdministrativeRatePerFteYearCents, long SupportRatePerHalfFteYearCents, PostCaps PostCaps)
    {
        public FundingPeriodValues Values => new(BudgetCents, SpecialistRatePerFteYearCents, AdministrativeRatePerFteYearCents,
            SupportRatePerHalfFteYearCents, PostCaps, StartDate, EndDate);
    }
}
