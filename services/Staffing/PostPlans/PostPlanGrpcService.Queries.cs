using Google.Protobuf;
using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Domain;
using KiPlatform.Infrastructure;
using KiPlatform.Messaging.Outbox;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>The reads of post plans: one plan (cached), listings, one post, a period's vacancy, and the overviews.</summary>
public sealed partial class PostPlanGrpcService(
    Deferred<StaffingDbContext> database,
    Deferred<IdempotentCommands<StaffingDbContext>> idempotentCommands,
    Deferred<EventOutbox<StaffingDbContext>> eventOutbox,
    Deferred<MunicipalityService.MunicipalityServiceClient> municipalities,
    PostPlanReadCache cache,
    KeysetPaging paging,
    IOptions<StaffingOptions> options,
    TimeProvider clock) : PostPlanService.PostPlanServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    // Resolved when first used: a cached read needs none of them (see Deferred<T>).
    private StaffingDbContext Db => database.Value;
    private IdempotentCommands<StaffingDbContext> Commands => idempotentCommands.Value;
    private EventOutbox<StaffingDbContext> Outbox => eventOutbox.Value;

    public override async Task<V1.PostPlan> GetPostPlan(GetPostPlanRequest request, ServerCallContext context)
    {
        var ags = PostPlanName.ParseAgs(request.Name, "name");
        var caller = context.Caller();
        caller.EnsureMayActFor(ags);
        var found = await CachedPlanAsync(ags, context.CancellationToken);
        // A municipality whose KI is not approved yet has an empty plan, if the Applications service knows it.
        return found?.As(caller) ?? await EmptyPlanAsync(ags, context);
    }

    public override async Task<ListPostPlansResponse> ListPostPlans(ListPostPlansRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var periodId = string.IsNullOrEmpty(request.FundingPeriod) ? null : FundingPeriodName.ParseId(request.FundingPeriod, "funding_period");
        var district = string.IsNullOrEmpty(request.GovernmentDistrict) ? null : request.GovernmentDistrict;
        var today = clock.Today();
        var query = new PageQuery(request.PageSize, request.PageToken,
            $"{context.Method}|{caller.Ags}|{periodId}|{district}|{request.HasVacancy}", DefaultPageSize, MaxPageSize);

        var plans = Db.PostPlans.AsNoTracking().AsSplitQuery();
        if (caller.Ags is { } own)
        {
            plans = plans.Where(p => p.Ags == own);
        }

        if (district is not null)
        {
            plans = plans.Where(p => p.GovernmentDistrict == district);
        }

        if (periodId is not null)
        {
            plans = plans.Where(p => p.Periods.Any(period => period.PeriodId == periodId));
        }

        if (request.HasVacancy)
        {
            plans = plans.WithVacancyOn(today);
        }

        var page = await Db.ReadInOneSnapshotAsync(ct => paging.AscendingAsync(plans, query, p => p.Ags, ct), context.CancellationToken);
        return new ListPostPlansResponse
        {
            PostPlans = { page.Items.Select(p => p.ToContract(today).As(caller)) },
            NextPageToken = page.NextPageToken,
        };
    }

    public override async Task<V1.Post> GetPost(GetPostRequest request, ServerCallContext context)
    {
        var (ags, postId) = PostName.Parse(request.Name, "name");
        var caller = context.Caller();
        caller.EnsureMayActFor(ags);
        var plan = await CachedPlanAsync(ags, context.CancellationToken) ?? throw PlanNotFound(ags);
        var name = PostName.Format(ags, postId);
        var post = plan.Posts.FirstOrDefault(p => p.Name == name) ?? throw new ResourceNotFoundException(name, StaffingReasons.PostNotFound);
        return post.As(caller, ags);
    }

    public override async Task<PlanVacancy> GetPlanVacancy(GetPlanVacancyRequest request, ServerCallContext context)
    {
        var ags = PostPlanName.ParseAgs(request.Name, "name");
        context.Caller().EnsureMayActFor(ags);
        var periodId = FundingPeriodName.ParseId(request.FundingPeriod, "funding_period");
        var plan = await PlanAsync(ags, tracked: false, context.CancellationToken);
        var period = plan.Period(periodId);
        var posts = plan.Posts.Where(p => p.OpensOn <= period.End && (p.ClosesAfter is not { } last || last >= period.Start))
            .OrderBy(p => p.Category).ThenBy(p => p.OpensOn).ThenByDescending(p => p.FteMilli).ThenBy(p => p.Id)
            .Select(post => (Post: post, Months: post.VacancyIn(period.Start, period.End)))
            .ToList();
        return new PlanVacancy
        {
            Name = request.Name,
            FundingPeriod = request.FundingPeriod,
            StartDate = period.Start.ToContract(),
            EndDate = period.End.ToContract(),
            Posts =
            {
                posts.Select(p => new PostVacancy
                {
                    Post = PostName.Format(ags, p.Post.Id),
                    Category = p.Post.Category.ToContract(),
                    Ministry = p.Post.Ministry.ToContract(),
                    FteMilli = p.Post.FteMilli,
                    Months =
                    {
                        p.Months.Select(m => new MonthVacancy { Year = m.Year, Month = m.Month, DaysInMonth = m.DaysInMonth, VacantMilliFteDays = m.VacantMilliDays }),
                    },
                }),
            },
            Categories =
            {
                PostCategories.All.Select(category =>
                {
                    var months = posts.Where(p => p.Post.Category == category).SelectMany(p => p.Months).ToList();
                    return new CategoryVacancy
                    {
                        Category = category.ToContract(),
                        Ministry = category.MinistryOf().ToContract(),
                        VacantMilliFteDays = months.Sum(m => m.VacantMilliDays),
                        VacantMilliFteMonths = (long)Math.Round(months.Sum(m => m.FteMonths) * 1000m, MidpointRounding.AwayFromZero),
                    };
                }),
            },
        };
    }

    public override async Task<FillRates> GetFillRates(GetFillRatesRequest request, ServerCallContext context)
    {
        var day = request.Date.ToDateOnly() ?? clock.Today();
        var plans = await Db.ReadInOneSnapshotAsync(ct => Db.PostPlans.AsNoTracking().AsSplitQuery().ToListAsync(ct), context.CancellationToken);
        var counts = FillCounts.On(plans, day);
        var byCategory = FillCounts.ByCategory(counts);
        return new FillRates
        {
            Date = day.ToContract(),
            Total = Rate(counts.Sum(c => c.PlannedMilli), counts.Sum(c => c.FilledMilli)),
            ByCategory = { byCategory.Select(c => Rate(c.PlannedMilli, c.FilledMilli, c.Category)) },
            ByMinistry =
            {
                Enum.GetValues<Ministry>().Select(ministry =>
                {
                    var rate = Rate(byCategory.Where(c => c.Category.MinistryOf() == ministry).Sum(c => c.PlannedMilli),
                        byCategory.Where(c => c.Category.MinistryOf() == ministry).Sum(c => c.FilledMilli));
                    rate.Ministry = ministry.ToContract();
                    return rate;
                }),
            },
            ByDistrict = { counts.Select(c => Rate(c.PlannedMilli, c.FilledMilli, c.Category, c.GovernmentDistrict)) },
        };
    }

    public override async Task<ListLongVacanciesResponse> ListLongVacancies(ListLongVacanciesRequest request, ServerCallContext context)
    {
        var day = request.Date.ToDateOnly() ?? clock.Today();
        var minMonths = request.MinMonths > 0 ? request.MinMonths : options.Value.LongVacancyMonths;
        var query = new PageQuery(request.PageSize, request.PageToken, $"{context.Method}|{minMonths}|{day:yyyy-MM-dd}", DefaultPageSize, MaxPageSize);
        // Plans with a post not filled in full on the day, from the database; how long each stood vacant, from their history.
        var plans = Db.PostPlans.AsNoTracking().AsSplitQuery().WithVacancyOn(day);
        var page = await Db.ReadInOneSnapshotAsync(ct => paging.AscendingAsync(plans, query, p => p.Ags, ct), context.CancellationToken);
        var response = new ListLongVacanciesResponse { NextPageToken = page.NextPageToken };
        foreach (var plan in page.Items)
        {
            var vacant = plan.Posts
                .Select(post => (Post: post, Since: plan.VacantSince(post, day)))
                .Where(v => v.Since is { } since && WholeMonths(since, day) >= minMonths)
                .Select(v => new VacantPost
                {
                    Post = PostName.Format(plan.Ags, v.Post.Id),
                    Category = v.Post.Category.ToContract(),
                    Ministry = v.Post.Ministry.ToContract(),
                    VacantSince = v.Since!.Value.ToContract(),
                    VacantMonths = WholeMonths(v.Since!.Value, day),
                    VacantFteMilli = v.Post.FteMilli - v.Post.FilledMilliOn(day),
                })
                .ToList();
            if (vacant.Count > 0)
            {
                response.LongVacancies.Add(new LongVacancy
                {
                    PostPlan = PostPlanName.Format(plan.Ags),
                    MunicipalityDisplayName = plan.MunicipalityDisplayName,
                    GovernmentDistrict = plan.GovernmentDistrict,
                    Posts = { vacant },
                });
            }
        }

        return response;
    }

    /// <summary>Whole calendar months from <paramref name="since"/> to <paramref name="day"/> (1 March to 31 March: 0; to 1 April: 1).</summary>
    private static int WholeMonths(DateOnly since, DateOnly day)
    {
        var months = (day.Year - since.Year) * 12 + day.Month - since.Month;
        return since.AddMonths(months) > day ? months - 1 : months;
    }

    private static FillRate Rate(long planned, long filled, PostCategory? category = null, string? district = null) => new()
    {
        Category = category?.ToContract() ?? V1.PostCategory.Unspecified,
        Ministry = category?.MinistryOf().ToContract() ?? V1.Ministry.Unspecified,
        GovernmentDistrict = district ?? "",
        PlannedFteMilli = planned,
        FilledFteMilli = filled,
        FillRatePermille = planned == 0 ? 0 : (int)(filled * 1000 / planned),
    };

    private ValueTask<V1.PostPlan?> CachedPlanAsync(string ags, CancellationToken cancellationToken) =>
        cache.PlanAsync(ags, async ct =>
        {
            var plan = await Db.ReadInOneSnapshotAsync(c => Db.PostPlans.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.Ags == ags, c), ct);
            return plan?.ToContract(clock.Today()).ToByteArray();
        }, cancellationToken);

    private async Task<PostPlan> PlanAsync(string ags, bool tracked, CancellationToken cancellationToken)
    {
        var plans = tracked ? Db.PostPlans.AsSplitQuery() : Db.PostPlans.AsNoTracking().AsSplitQuery();
        return await Db.ReadInOneSnapshotAsync(ct => plans.SingleOrDefaultAsync(p => p.Ags == ags, ct), cancellationToken) ?? throw PlanNotFound(ags);
    }

    private async Task<V1.PostPlan> EmptyPlanAsync(string ags, ServerCallContext context)
    {
        var name = MunicipalityName.Format(ags);
        try
        {
            var municipality = await municipalities.Value.GetMunicipalityAsync(new GetMunicipalityRequest { Name = name },
                deadline: context.Deadline, cancellationToken: context.CancellationToken);
            return new V1.PostPlan
            {
                Name = PostPlanName.Format(ags),
                Municipality = name,
                MunicipalityDisplayName = municipality.DisplayName,
                GovernmentDistrict = municipality.GovernmentDistrict,
            };
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new ResourceNotFoundException(name, "MUNICIPALITY_NOT_FOUND");
        }
    }

    private static ResourceNotFoundException PlanNotFound(string ags) => new(PostPlanName.Format(ags), StaffingReasons.PlanNotFound);
}
