using KiPlatform.Domain;
using KiPlatform.Infrastructure;
using KiPlatform.IntegrationEvents.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Funding.Grants;

/// <summary>
/// Makes grant notices final (bestandskräftig) once their month for legal remedy has passed, every
/// <see cref="FundingOptions.FinalityInterval"/> by the injected clock. Each round claims the due grants with
/// <c>FOR UPDATE SKIP LOCKED</c> and commits their state and <see cref="GrantFinal"/> together, so with several
/// instances running each notice becomes final, and is announced, once.
/// </summary>
public sealed partial class GrantFinality(IServiceScopeFactory scopes, IOptions<FundingOptions> options, TimeProvider clock, ILogger<GrantFinality> logger)
    : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FinalityInterval, clock);
        do
        {
            try
            {
                while (await MakeDueFinalAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFinalityFailed(e);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    /// <returns>How many notices became final.</returns>
    public async Task<int> MakeDueFinalAsync(CancellationToken cancellationToken)
    {
        var count = await RoundTransaction.RunAsync(scopes, async (db, outbox, ct) =>
        {
            var now = clock.GetUtcNow();
            var today = StateCalendar.DayOf(now);
            var lastNoticeDate = today.AddMonths(-Grant.LegalRemedyMonths);
            var issued = GrantStatus.Issued.ToString();
            var due = await db.Grants
                .FromSql($"SELECT *, xmin FROM grants WHERE \"Status\" = {issued} AND \"NoticeDate\" <= {lastNoticeDate} ORDER BY \"NoticeDate\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            foreach (var grant in due)
            {
                grant.BecomeFinal(today, waived: false, GrantActors.System, now);
                outbox.Add(new GrantFinal(grant.Id, grant.Number!, grant.Ags, grant.PeriodId, today, Waived: false, now));
            }

            return due.Count;
        }, cancellationToken);
        if (count > 0)
        {
            LogMadeFinal(count);
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} grant notices became final")]
    private partial void LogMadeFinal(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Making due grant notices final failed; the next round tries again")]
    private partial void LogFinalityFailed(Exception exception);
}
