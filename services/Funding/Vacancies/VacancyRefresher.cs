using System.Diagnostics;
using Grpc.Core;
using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Funding.Grants;
using KiPlatform.Rpc.Names;
using KiPlatform.Staffing.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Funding.Vacancies;

/// <summary>
/// Fetches the vacancy of each committed grant's posts from Staffing (GetPlanVacancy, on the service's own account):
/// for grants with no figures yet and for those a staffing change made stale. Figures are replaced only by newer ones;
/// while Staffing does not answer, the last figures stay and the round stops until the next.
/// </summary>
public sealed partial class VacancyRefresher(
    IServiceScopeFactory scopes, FundingOverviewCache overviews, IOptions<FundingOptions> options, TimeProvider clock, ILogger<VacancyRefresher> logger)
    : ScheduledRound(logger)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private static readonly GrantStatus[] Owing = [GrantStatus.Issued, GrantStatus.Final, GrantStatus.RepaymentClaimed];

    // A round that found figures to fetch is a trace of its own, so its calls to Staffing are not parentless traces.
    private static readonly ActivitySource Tracing = new(FundingMetrics.MeterName);

    protected override TimeSpan Interval => options.Value.VacancyRefreshInterval;

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await RefreshStaleAsync(cancellationToken) == BatchSize)
        {
        }
    }

    /// <returns>How many grants got figures.</returns>
    public async Task<int> RefreshStaleAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
        var staffing = scope.ServiceProvider.GetRequiredService<PostPlanService.PostPlanServiceClient>();
        var stale = await db.Grants.AsNoTracking()
            .Where(g => Owing.Contains(g.Status) && !db.VacancyFigures.Any(f => f.GrantId == g.Id && f.TakenAt != null && f.ChangesTaken >= f.ChangesSeen))
            .OrderBy(g => g.ApprovedAt).Select(g => new { g.Id, g.Ags, g.PeriodId }).Take(BatchSize).ToListAsync(cancellationToken);
        if (stale.Count == 0)
        {
            return 0;
        }

        using var round = Tracing.StartActivity("vacancy refresh");
        round?.SetTag("ki.grants.count", stale.Count);
        var refreshed = 0;
        foreach (var grant in stale)
        {
            db.ChangeTracker.Clear();
            // Only the figures' own columns are written back, so a change counted meanwhile is kept and marks them stale again.
            var figures = await db.VacancyFigures.SingleOrDefaultAsync(f => f.GrantId == grant.Id, cancellationToken);
            var seen = figures?.ChangesSeen ?? 0;
            IReadOnlyList<VacantPostMonth> months;
            try
            {
                months = await FetchAsync(staffing, grant.Ags, grant.PeriodId, cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
            {
                LogStaffingUnavailable(e.StatusCode);
                break;
            }

            if (figures is null)
            {
                figures = VacancyFigures.For(grant.Id, grant.Ags);
                db.VacancyFigures.Add(figures);
            }

            figures.Take(months, seen, clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                refreshed++;
                await overviews.ForgetAsync(grant.PeriodId, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance or a staffing change made the row meanwhile; the next round fetches again.
            }
        }

        return refreshed;
    }

    private static async Task<IReadOnlyList<VacantPostMonth>> FetchAsync(PostPlanService.PostPlanServiceClient staffing, string ags, string periodId, CancellationToken cancellationToken)
    {
        try
        {
            var vacancy = await staffing.GetPlanVacancyAsync(
                new GetPlanVacancyRequest { Name = $"postPlans/{ags}", FundingPeriod = FundingPeriodName.Format(periodId) },
                deadline: DateTime.UtcNow.Add(CallTimeout), cancellationToken: cancellationToken);
            return vacancy.Posts.Where(p => p.Ministry == Ministry.Mais).SelectMany(p => p.Months.Select(m =>
                new VacantPostMonth(Guid.Parse(p.Post[(p.Post.LastIndexOf('/') + 1)..]), CategoryOf(p.Category), p.FteMilli, m.Year, m.Month, m.DaysInMonth, m.VacantMilliFteDays)))
                .ToList();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.InvalidArgument)
        {
            // No plan for the period (yet): no post stands vacant that the grant pays for.
            return [];
        }
    }

    private static string CategoryOf(PostCategory category) => category switch
    {
        PostCategory.Specialist => OwedAmount.Specialist,
        PostCategory.Administration => OwedAmount.Administration,
        PostCategory.Support => OwedAmount.Support,
        _ => category.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staffing did not give vacancy figures ({Status}); grants answer with the last they have")]
    private partial void LogStaffingUnavailable(StatusCode status);
}
