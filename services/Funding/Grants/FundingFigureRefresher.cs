using KiPlatform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Funding.Grants;

/// <summary>Counts each period's figures for <see cref="FundingMetrics"/>, every <see cref="FundingOptions.MetricsInterval"/>.</summary>
internal sealed partial class FundingFigureRefresher(
    IServiceScopeFactory scopes, FundingMetrics metrics, IOptions<FundingOptions> options, TimeProvider clock, ILogger<FundingFigureRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MetricsInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
                var periods = await db.FundingPeriods.AsNoTracking().Select(p => new { p.Id, p.BudgetCents }).ToListAsync(stoppingToken);
                var grants = await db.Grants.GroupBy(g => new { g.PeriodId, g.Status })
                    .Select(g => new { g.Key.PeriodId, g.Key.Status, Count = g.Count(), Cents = g.Sum(x => x.Amounts.TotalCents) })
                    .ToListAsync(stoppingToken);
                metrics.Update(periods.Select(p => new PeriodFigures(p.Id, p.BudgetCents,
                    grants.Where(g => g.PeriodId == p.Id && g.Status is GrantStatus.Issued or GrantStatus.Final).Sum(g => g.Cents),
                    grants.Where(g => g.PeriodId == p.Id && g.Status == GrantStatus.QueuedForBudget).Sum(g => g.Count))).ToList());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCountFailed(e);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the funding figures; the gauges keep their last figures")]
    private partial void LogCountFailed(Exception exception);
}
