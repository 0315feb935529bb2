using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Funding.Grants;
using KiPlatform.Funding.V1;
using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.Messaging.Outbox;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using KiPlatform.Rpc.Validation;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>Funding periods: read by every role, changed by admin with a reason kept in their history; and the money of each.</summary>
public sealed class FundingPeriodGrpcService(
    FundingDbContext db,
    IdempotentCommands<FundingDbContext> commands,
    EventOutbox<FundingDbContext> outbox,
    KeysetPaging paging,
    FundingOverviewCache overviews,
    GrantIssuer issuer,
    TimeProvider clock) : FundingPeriodService.FundingPeriodServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override async Task<V1.FundingPeriod> GetFundingPeriod(GetFundingPeriodRequest request, ServerCallContext context)
    {
        var id = FundingPeriodName.ParseId(request.Name, "name");
        var period = await db.FundingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, FundingPeriodReasons.NotFound);
        return ToContract(period);
    }

    public override async Task<ListFundingPeriodsResponse> ListFundingPeriods(ListFundingPeriodsRequest request, ServerCallContext context)
    {
        var query = new PageQuery(request.PageSize, request.PageToken, context.Method, DefaultPageSize, MaxPageSize);
        var page = await paging.AscendingAsync(db.FundingPeriods.AsNoTracking(), query, p => p.Id, context.CancellationToken);
        return new ListFundingPeriodsResponse { FundingPeriods = { page.Items.Select(ToContract) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<V1.FundingPeriod> UpdateFundingPeriod(UpdateFundingPeriodRequest request, ServerCallContext context)
    {
        var budgetChanged = false;
        var response = await commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var name = request.FundingPeriod.Name;
            var id = FundingPeriodName.ParseId(name, "funding_period.name");
            // Locked like the issuer locks it, so a budget check and the grants it is checked against cannot pass each other.
            var locked = await db.Database.SqlQuery<string>($"SELECT \"Id\" AS \"Value\" FROM funding_periods WHERE \"Id\" = {id} FOR UPDATE")
                .SingleOrDefaultAsync(ct);
            var period = locked is null ? null : await db.FundingPeriods.SingleAsync(p => p.Id == id, ct);
            if (period is null)
            {
                throw new ResourceNotFoundException(name, FundingPeriodReasons.NotFound);
            }

            ETags.EnsureCurrent(request.FundingPeriod.Etag, period.Version, name);
            var grants = db.Grants.Where(g => g.PeriodId == id);
            var committed = await grants.Where(g => GrantStates.Committed.Contains(g.Status)).SumAsync(g => g.Amounts.TotalCents, ct);
            var hasGrants = await grants.AnyAsync(ct);
            var previousBudget = period.BudgetCents;
            var caller = context.Caller();
            var now = clock.GetUtcNow();
            var changed = period.Change(ValuesOf(request), committed, hasGrants, request.Reason.Trim(), caller.Subject, now);
            if (changed.Count > 0)
            {
                outbox.Add(FundingPeriodEvents.Changed(period, now));
            }

            if (period.BudgetCents != previousBudget)
            {
                outbox.Add(new BudgetChanged(id, previousBudget, period.BudgetCents, committed, request.Reason.Trim(), caller.Subject, now));
            }

            try
            {
                // Saved here, inside the command's transaction, so the response carries the new row version as its etag.
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(name, $"{name} was changed meanwhile; get it again and retry.", ConcurrencyConflictException.ConcurrentUpdateReason);
            }

            budgetChanged = period.BudgetCents != previousBudget;
            return ToContract(period);
        });
        if (budgetChanged)
        {
            // Committed: the issuer now finds the new budget, and the overview is read afresh.
            issuer.Wake();
            await overviews.ForgetAsync(FundingPeriodName.ParseId(response.Name, "name"), context.CancellationToken);
        }

        return response;
    }

    public override async Task<FundingOverview> GetFundingOverview(GetFundingOverviewRequest request, ServerCallContext context)
    {
        var id = FundingPeriodName.ParseId(request.FundingPeriod, "funding_period");
        return await overviews.OverviewAsync(id, ct => LoadOverviewAsync(id, ct), context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.FundingPeriod, FundingPeriodReasons.NotFound);
    }

    private async Task<byte[]?> LoadOverviewAsync(string id, CancellationToken cancellationToken)
    {
        var budget = await db.FundingPeriods.Where(p => p.Id == id).Select(p => (long?)p.BudgetCents).SingleOrDefaultAsync(cancellationToken);
        if (budget is null)
        {
            return null;
        }

        var sums = await db.Grants.Where(g => g.PeriodId == id)
            .GroupBy(g => new { g.GovernmentDistrict, Committed = GrantStates.Committed.Contains(g.Status), Queued = g.Status == GrantStatus.QueuedForBudget })
            .Select(g => new { g.Key.GovernmentDistrict, g.Key.Committed, g.Key.Queued, Cents = g.Sum(x => x.Amounts.TotalCents), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var today = StateCalendar.DayOf(clock.GetUtcNow());
        var committed = await db.Grants.AsNoTracking().Where(g => g.PeriodId == id && GrantStates.Committed.Contains(g.Status)).ToListAsync(cancellationToken);
        var vacancy = await db.VacancyFigures.AsNoTracking().Where(f => db.Grants.Any(g => g.Id == f.GrantId && g.PeriodId == id))
            .ToDictionaryAsync(f => f.GrantId, f => f.Months, cancellationToken);
        var money = committed.Select(g => new GrantMoney(g.GovernmentDistrict, g.DisbursedCents,
            GrantAccounting.Owed(g, vacancy.GetValueOrDefault(g.Id, []), today).OwedCents,
            g.RepayableCents)).ToList();
        return FundingOverviews.Of(id, budget.Value, sums.Select(s => new DistrictSum(s.GovernmentDistrict, s.Committed, s.Queued, s.Cents, s.Count)), money)
            .ToByteArray();
    }

    private static FundingPeriodValues ValuesOf(UpdateFundingPeriodRequest request)
    {
        var sent = request.FundingPeriod;
        var mask = request.UpdateMask;
        long? Cents(string field, Google.Type.Money? money) => EditablePaths.Names(mask, field) && money is not null ? Euro.ToCents(money) : null;
        PostCaps? caps = null;
        if (sent.PostCaps is { } c && EditablePaths.Names(mask, FundingPeriodFields.PostCaps))
        {
            caps = new PostCaps(c.TeacherFteMilli, c.SpecialistFteMilli, c.AdministrativeFteMilli, c.SupportFteMilli);
        }

        return new FundingPeriodValues(
            Cents(FundingPeriodFields.Budget, sent.Budget),
            Cents(FundingPeriodFields.SpecialistRate, sent.SpecialistRatePerFteYear),
            Cents(FundingPeriodFields.AdministrativeRate, sent.AdministrativeRatePerFteYear),
            Cents(FundingPeriodFields.SupportRate, sent.SupportRatePerHalfFteYear),
            caps,
            EditablePaths.Names(mask, FundingPeriodFields.StartDate) ? sent.StartDate.ToDateOnly() : null,
            EditablePaths.Names(mask, FundingPeriodFields.EndDate) ? sent.EndDate.ToDateOnly() : null,
            EditablePaths.Names(mask, FundingPeriodFields.FixedTranches) ? sent.FixedTranches : null);
    }

    private static V1.FundingPeriod ToContract(FundingPeriod period) => new()
    {
        Name = FundingPeriodName.Format(period.Id),
        StartDate = period.StartDate.ToContract(),
        EndDate = period.EndDate.ToContract(),
        Budget = Euro.FromCents(period.BudgetCents),
        SpecialistRatePerFteYear = Euro.FromCents(period.SpecialistRatePerFteYearCents),
        AdministrativeRatePerFteYear = Euro.FromCents(period.AdministrativeRatePerFteYearCents),
        SupportRatePerHalfFteYear = Euro.FromCents(period.SupportRatePerHalfFteYearCents),
        PostCaps = new V1.PostCaps
        {
            TeacherFteMilli = period.PostCaps.TeacherMilli,
            SpecialistFteMilli = period.PostCaps.SpecialistMilli,
            AdministrativeFteMilli = period.PostCaps.AdministrativeMilli,
            SupportFteMilli = period.PostCaps.SupportMilli,
        },
        History =
        {
            period.Changes.OrderBy(c => c.Position).Select(c => new V1.FundingPeriodChange
            {
                Description = c.What, Reason = c.Why, Time = Timestamp.FromDateTimeOffset(c.At), Actor = c.By,
            }),
        },
        Etag = ETags.Format(period.Version),
        FixedTranches = period.FixedTranches,
    };
}
