using KiPlatform.Domain;
using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Funding.Grants;
using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Funding.Disbursements;

/// <summary>
/// Pays what is due, by the injected clock: approved call-offs whose payment date has come, and, in periods that pay in
/// fixed tranches, each final grant's tranches whose date has come. Each round claims its rows with
/// <c>FOR UPDATE SKIP LOCKED</c> and commits the payment, the grant's history and <see cref="DisbursementPaid"/> together;
/// a unique index on (grant, tranche date) keeps each tranche single with any number of instances.
/// </summary>
public sealed partial class DisbursementSchedule(
    IServiceScopeFactory scopes, FundingOverviewCache overviews, IOptions<FundingOptions> options, TimeProvider clock, ILogger<DisbursementSchedule> logger)
    : ScheduledRound(logger)
{
    private const int BatchSize = 200;

    protected override TimeSpan Interval => options.Value.ScheduleInterval;

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await PayApprovedCallOffsAsync(cancellationToken) == BatchSize)
        {
        }

        await PayTranchesAsync(cancellationToken);
    }

    /// <returns>How many call-offs were paid.</returns>
    public Task<int> PayApprovedCallOffsAsync(CancellationToken cancellationToken) => InTransactionAsync(async (db, outbox, ct) =>
    {
        var now = clock.GetUtcNow();
        var today = StateCalendar.DayOf(now);
        var approved = DisbursementStatus.Approved.ToString();
        var due = await db.Disbursements
            .FromSql($"SELECT *, xmin FROM disbursements WHERE \"Status\" = {approved} AND \"PaymentDate\" <= {today} ORDER BY \"PaymentDate\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var disbursement in due)
        {
            var grant = await db.LockGrantAsync(disbursement.GrantId, GrantName.Format(disbursement.GrantId), ct);
            disbursement.MarkPaid(now);
            grant.RecordPaid(disbursement.AmountCents, disbursement.PaymentDate!.Value, $"Call-off paid: {disbursement.AmountCents / 100m:0.00} EUR", GrantActors.System, now);
            outbox.Add(Paid(grant, disbursement, now));
        }

        return (due.Count, due.Select(d => d.PeriodId));
    }, cancellationToken);

    /// <returns>How many tranches were paid.</returns>
    public async Task<int> PayTranchesAsync(CancellationToken cancellationToken)
    {
        var today = StateCalendar.DayOf(clock.GetUtcNow());
        List<FundingPeriod> periods;
        await using (var scope = scopes.CreateAsyncScope())
        {
            periods = await scope.ServiceProvider.GetRequiredService<FundingDbContext>().FundingPeriods.AsNoTracking()
                .Where(p => p.FixedTranches && p.StartDate <= today).ToListAsync(cancellationToken);
        }

        var paid = 0;
        foreach (var period in periods)
        {
            var dates = Tranches.DatesIn(period.StartDate, period.EndDate);
            var dueCount = dates.Count(d => d <= today);
            if (dueCount > 0)
            {
                int round;
                do
                {
                    round = await PayTranchesAsync(period.Id, dates, dueCount, cancellationToken);
                    paid += round;
                }
                while (round > 0);
            }
        }

        return paid;
    }

    private Task<int> PayTranchesAsync(string periodId, IReadOnlyList<DateOnly> dates, int dueCount, CancellationToken cancellationToken) =>
        InTransactionAsync(async (db, outbox, ct) =>
        {
            var now = clock.GetUtcNow();
            var today = StateCalendar.DayOf(now);
            var final = GrantStatus.Final.ToString();
            // Tranches are paid in date order, so a grant with fewer tranches than dates due lacks one.
            var grants = await db.Grants.FromSql(
                    $"""
                    SELECT *, xmin FROM grants g WHERE "PeriodId" = {periodId} AND "Status" = {final}
                    AND (SELECT count(*) FROM disbursements d WHERE d."GrantId" = g."Id" AND d."TrancheOn" IS NOT NULL) < {dueCount}
                    ORDER BY "ApprovedAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            var ids = grants.Select(g => g.Id).ToList();
            var paidDates = (await db.Disbursements.Where(d => ids.Contains(d.GrantId) && d.TrancheOn != null).Select(d => new { d.GrantId, d.TrancheOn })
                .ToListAsync(ct)).ToLookup(d => d.GrantId, d => d.TrancheOn!.Value);
            var count = 0;
            foreach (var grant in grants)
            {
                foreach (var date in dates.Take(dueCount).Except(paidDates[grant.Id]).Order())
                {
                    var amount = Tranches.Amount(date, dates, grant.UnpaidCents);
                    var tranche = Disbursement.Tranche(grant, date, amount, today, now);
                    db.Disbursements.Add(tranche);
                    grant.RecordPaid(amount, today, $"Tranche of {date:yyyy-MM-dd} paid: {amount / 100m:0.00} EUR", GrantActors.System, now);
                    outbox.Add(Paid(grant, tranche, now));
                    count++;
                }
            }

            return (count, grants.Count > 0 ? [periodId] : Enumerable.Empty<string>());
        }, cancellationToken);

    private async Task<int> InTransactionAsync(
        Func<FundingDbContext, EventOutbox<FundingDbContext>, CancellationToken, Task<(int Count, IEnumerable<string> Periods)>> work, CancellationToken cancellationToken)
    {
        var (count, periods) = await RoundTransaction.RunAsync(scopes, async (db, outbox, ct) =>
        {
            var (paid, touched) = await work(db, outbox, ct);
            return (paid, touched.Distinct().ToList());
        }, cancellationToken);
        foreach (var period in periods)
        {
            await overviews.ForgetAsync(period, cancellationToken);
        }

        if (count > 0)
        {
            LogPaid(count);
        }

        return count;
    }

    private static DisbursementPaid Paid(Grant grant, Disbursement disbursement, DateTimeOffset now) =>
        new(grant.Id, disbursement.Id, grant.Number!, grant.Ags, grant.PeriodId, disbursement.AmountCents, disbursement.PaymentDate!.Value,
            disbursement.TrancheOn, grant.DisbursedCents, now);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} disbursements paid")]
    private partial void LogPaid(int count);
}
