using KiPlatform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>Counts applications per status for <see cref="ApplicationMetrics"/>, every <see cref="ApplicationsOptions.StatusCountInterval"/>.</summary>
internal sealed class ApplicationCountRefresher(
    IServiceScopeFactory scopes, ApplicationMetrics metrics, IOptions<ApplicationsOptions> options, TimeProvider clock, ILogger<ApplicationCountRefresher> logger)
    : GaugeRefresher(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.StatusCountInterval;

    protected override async Task CountAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ApplicationsDbContext>();
        var counts = await db.Applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        metrics.UpdateCounts(counts.ToDictionary(c => c.Key, c => c.Count));
    }
}
