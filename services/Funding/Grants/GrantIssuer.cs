using KiPlatform.Domain;
using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Infrastructure;
using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Funding.Grants;

/// <summary>
/// Commits waiting grants against their period's budget, in approval order: each in turn is issued while the budget
/// left covers it; the first that does not, and every one waiting after it, joins the queue (strictly in order, so a
/// later, smaller grant never overtakes an earlier one waiting). A grant computed after later ones were issued waits
/// behind them: the queue serves what waits, in approval order. One transaction per period holds the period's row locked, so with any
/// number of instances and approvals at once nothing is ever committed past the budget. Runs when a grant is computed
/// here, and every <see cref="FundingOptions.IssueInterval"/> for those computed elsewhere or waiting for budget.
/// </summary>
public sealed partial class GrantIssuer(
    IServiceScopeFactory scopes, FundingOverviewCache overviews, IOptions<FundingOptions> options, TimeProvider clock, ILogger<GrantIssuer> logger)
    : ScheduledRound(logger)
{
    protected override TimeSpan Interval => options.Value.IssueInterval;

    public override Task RunAsync(CancellationToken cancellationToken) => IssueWaitingAsync(cancellationToken);

    /// <summary>One round over every period with grants waiting.</summary>
    public async Task IssueWaitingAsync(CancellationToken cancellationToken)
    {
        List<string> periods;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
            periods = await db.Grants.Where(g => g.Status == GrantStatus.Pending || g.Status == GrantStatus.QueuedForBudget)
                .Select(g => g.PeriodId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var periodId in periods)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => IssueInPeriodAsync(db, scope.ServiceProvider, periodId, ct), cancellationToken);
        }
    }

    private async Task IssueInPeriodAsync(FundingDbContext db, IServiceProvider services, string periodId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The period's row, locked until commit: the one place budget is spent, taken by one instance at a time.
        var budget = await db.Database
            .SqlQuery<long>($"SELECT \"BudgetCents\" AS \"Value\" FROM funding_periods WHERE \"Id\" = {periodId} FOR UPDATE")
            .SingleAsync(cancellationToken);
        var committed = await db.Grants
            .Where(g => g.PeriodId == periodId && GrantStates.Committed.Contains(g.Status))
            .SumAsync(g => g.Amounts.TotalCents, cancellationToken);
        var inOrder = db.Grants
            .Where(g => g.PeriodId == periodId && (g.Status == GrantStatus.Pending || g.Status == GrantStatus.QueuedForBudget))
            .OrderBy(g => g.ApprovedAt).ThenBy(g => g.ApplicationId);
        // While the first in line does not fit, nothing can be issued: only the grants computed since the last round join
        // the queue, and the queue itself (thousands once the budget is spent) is not read again on every round.
        var first = await inOrder.Select(g => (long?)g.Amounts.TotalCents).FirstOrDefaultAsync(cancellationToken);
        var blocked = first > budget - committed;
        var waiting = blocked
            ? await inOrder.Where(g => g.Status == GrantStatus.Pending).ToListAsync(cancellationToken)
            : await inOrder.ToListAsync(cancellationToken);
        // Notice numbers run on per municipality and period (KI-{period}-{ags}-{nn}): the notices held so far, counted once.
        var numbered = await db.Grants
            .Where(g => g.PeriodId == periodId && g.Number != null)
            .GroupBy(g => g.Ags).Select(g => new { Ags = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Ags, g => g.Count, cancellationToken);
        var outbox = services.GetRequiredService<EventOutbox<FundingDbContext>>();
        var now = clock.GetUtcNow();
        var noticeDate = StateCalendar.DayOf(now);
        var left = budget - committed;
        var moved = false;
        foreach (var grant in waiting)
        {
            if (!blocked && grant.Amounts.TotalCents <= left)
            {
                var sequence = numbered[grant.Ags] = numbered.GetValueOrDefault(grant.Ags) + 1;
                grant.Issue($"KI-{grant.PeriodId}-{grant.Ags}-{sequence:00}", noticeDate, now);
                left -= grant.Amounts.TotalCents;
                outbox.Add(new GrantIssued(grant.Id, grant.Number!, grant.Ags, grant.PeriodId, grant.ApplicationId, noticeDate, grant.Amounts.Start,
                    grant.Amounts.Months, grant.Amounts.SpecialistCents, grant.Amounts.AdministrativeCents, grant.Amounts.SupportCents,
                    grant.Amounts.TotalCents, grant.TeacherFteMilli, now));
                LogIssued(grant.Number!, grant.Amounts.TotalCents);
                moved = true;
                continue;
            }

            blocked = true;
            if (grant.QueueForBudget(left, now))
            {
                outbox.Add(new GrantQueuedForBudget(grant.Id, grant.Ags, grant.PeriodId, grant.ApplicationId, grant.Amounts.TotalCents, left, now));
                LogQueued(grant.Ags, grant.PeriodId, grant.Amounts.TotalCents, left);
                moved = true;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (moved)
        {
            await overviews.ForgetAsync(periodId, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Grant notice {Number} issued: {TotalCents} cents committed")]
    private partial void LogIssued(string number, long totalCents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grant of {Ags} for period {PeriodId} ({TotalCents} cents) queued for budget: {LeftCents} cents left")]
    private partial void LogQueued(string ags, string periodId, long totalCents, long leftCents);
}
