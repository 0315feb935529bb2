using KiPlatform.Domain;
using KiPlatform.Funding.Grants;
using KiPlatform.IntegrationEvents.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Funding.ProofsOfUse;

/// <summary>
/// Reminds of proofs of use four weeks and one week before they fall due (<see cref="ProofOfUseDue"/>) and flags those
/// past due (<see cref="ProofOfUseOverdue"/>), by the injected clock. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// and the grant records each deadline it reached, so each reminder goes out once with several instances running.
/// </summary>
public sealed class ProofOfUseDeadlines(IServiceScopeFactory scopes, IOptions<FundingOptions> options, TimeProvider clock, ILogger<ProofOfUseDeadlines> logger)
    : ScheduledRound(logger)
{
    private const int BatchSize = 200;

    protected override TimeSpan Interval => options.Value.ScheduleInterval;

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await RemindDueAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <returns>How many grants reached a deadline.</returns>
    public Task<int> RemindDueAsync(CancellationToken cancellationToken) => RoundTransaction.RunAsync(scopes, async (db, outbox, ct) =>
    {
        var now = clock.GetUtcNow();
        var today = StateCalendar.DayOf(now);
        var (issued, final) = (GrantStatus.Issued.ToString(), GrantStatus.Final.ToString());
        var due = await db.Grants.FromSql(
                $"""
                SELECT *, xmin FROM grants WHERE "Status" IN ({issued}, {final}) AND "ProofOfUseSubmittedAt" IS NULL AND "ProofOfUseOverdueSince" IS NULL
                AND (("ProofOfUseRemindersSent" = 0 AND "ProofOfUseDueOn" - 28 <= {today}) OR ("ProofOfUseRemindersSent" < 2 AND "ProofOfUseDueOn" - 7 <= {today})
                     OR "ProofOfUseDueOn" < {today})
                ORDER BY "ProofOfUseDueOn" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        foreach (var grant in due)
        {
            foreach (var deadline in grant.ReachDeadlines(today, now))
            {
                if (deadline == ProofOfUseDeadline.Overdue)
                {
                    outbox.Add(new ProofOfUseOverdue(grant.Id, grant.Number ?? "", grant.Ags, grant.PeriodId, grant.ProofOfUseDueOn, now));
                }
                else
                {
                    outbox.Add(new ProofOfUseDue(grant.Id, grant.Number ?? "", grant.Ags, grant.PeriodId, grant.ProofOfUseDueOn, (int)deadline, now));
                }
            }
        }

        return due.Count;
    }, cancellationToken);
}
