using KiPlatform.Domain;
using KiPlatform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>Counts the FTE held and vacant today for <see cref="StaffingMetrics"/>, every <see cref="StaffingOptions.FillCountInterval"/>.</summary>
internal sealed class FillCountRefresher(
    IServiceScopeFactory scopes, StaffingMetrics metrics, IOptions<StaffingOptions> options, TimeProvider clock, ILogger<FillCountRefresher> logger)
    : GaugeRefresher(scopes, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override TimeSpan Interval => options.Value.FillCountInterval;

    protected override async Task CountAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<StaffingDbContext>();
        var plans = await db.ReadInOneSnapshotAsync(ct => db.PostPlans.AsNoTracking().AsSplitQuery().ToListAsync(ct), cancellationToken);
        metrics.UpdateCounts(plans.Count, FillCounts.ByCategory(FillCounts.On(plans, _clock.Today())));
    }
}
