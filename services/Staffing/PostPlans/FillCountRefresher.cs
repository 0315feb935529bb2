using KiPlatform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>Counts the FTE held and vacant today for <see cref="StaffingMetrics"/>, every <see cref="StaffingOptions.FillCountInterval"/>.</summary>
internal sealed partial class FillCountRefresher(
    IServiceScopeFactory scopes, StaffingMetrics metrics, IOptions<StaffingOptions> options, TimeProvider clock, ILogger<FillCountRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FillCountInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<StaffingDbContext>();
                var plans = await db.PostPlans.AsNoTracking().AsSplitQuery().ToListAsync(stoppingToken);
                metrics.UpdateCounts(plans.Count, FillCounts.ByCategory(FillCounts.On(plans, clock.Today())));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCountFailed(e);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the filled and vacant FTE; the gauges keep their last figures")]
    private partial void LogCountFailed(Exception exception);
}
