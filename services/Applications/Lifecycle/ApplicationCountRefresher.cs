using KiPlatform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>Counts applications per status for <see cref="ApplicationMetrics"/>, every <see cref="ApplicationsOptions.StatusCountInterval"/>.</summary>
internal sealed partial class ApplicationCountRefresher(
    IServiceScopeFactory scopes, ApplicationMetrics metrics, IOptions<ApplicationsOptions> options, TimeProvider clock, ILogger<ApplicationCountRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatusCountInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
                var counts = await db.Applications.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(stoppingToken);
                metrics.UpdateCounts(counts.ToDictionary(c => c.Key, c => c.Count));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCountFailed(e);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count applications per status; the gauge keeps its last figures")]
    private partial void LogCountFailed(Exception exception);
}
