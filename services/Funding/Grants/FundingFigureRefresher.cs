using KiPlatform.Funding.Disbursements;
using KiPlatform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Funding.Grants;

/// <summary>Counts each period's figures for <see cref="FundingMetrics"/>, every <see cref="FundingOptions.MetricsInterval"/>.</summary>
internal sealed class FundingFigureRefresher(
    IServiceScopeFactory scopes, FundingMetrics metrics, IOptions<FundingOptions> options, TimeProvider clock, ILogger<FundingFigureRefresher> logger)
    : GaugeRefresher(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.MetricsInterval;

    protected override async Task CountAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<FundingDbContext>();
        var periods = await db.FundingPeriods.AsNoTracking().Select(p => new { p.Id, p.BudgetCents }).ToListAsync(cancellationToken);
        var grants = await db.Grants.GroupBy(g => new { g.PeriodId, g.Status })
            .Select(g => new { g.Key.PeriodId, g.Key.Status, Count = g.Count(), Cents = g.Sum(x => x.Amounts.TotalCents) })
            .ToListAsync(cancellationToken);
        var disbursed = await db.Disbursements.Where(d => d.Status == DisbursementStatus.Paid).GroupBy(d => d.PeriodId)
            .Select(d => new { PeriodId = d.Key, Cents = d.Sum(x => x.AmountCents) })
            .ToDictionaryAsync(d => d.PeriodId, d => d.Cents, cancellationToken);
        var overdue = await db.Grants.Where(g => g.ProofOfUseOverdueSince != null && g.ProofOfUseSubmittedAt == null).GroupBy(g => g.PeriodId)
            .Select(g => new { PeriodId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.PeriodId, g => g.Count, cancellationToken);
        metrics.Update(periods.Select(p => new PeriodFigures(p.Id, p.BudgetCents,
            grants.Where(g => g.PeriodId == p.Id && GrantStates.Committed.Contains(g.Status)).Sum(g => g.Cents),
            grants.Where(g => g.PeriodId == p.Id && g.Status == GrantStatus.QueuedForBudget).Sum(g => g.Count),
            disbursed.GetValueOrDefault(p.Id),
            grants.Where(g => g.PeriodId == p.Id && g.Status == GrantStatus.RepaymentClaimed).Sum(g => g.Count),
            overdue.GetValueOrDefault(p.Id))).ToList());
    }
}
