using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Funding.Vacancies;
using KiPlatform.Funding.V1;
using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.Messaging.Outbox;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.Grants;

/// <summary>The grants: one with its history, listings, and the municipality's waiver of legal remedy.</summary>
public sealed class GrantGrpcService(
    FundingDbContext db,
    IdempotentCommands<FundingDbContext> commands,
    EventOutbox<FundingDbContext> outbox,
    KeysetPaging paging,
    GrantNoticeDocument notices,
    TimeProvider clock) : GrantService.GrantServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override async Task<V1.Grant> GetGrant(GetGrantRequest request, ServerCallContext context)
    {
        var id = GrantName.ParseId(request.Name, "name");
        var grant = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, GrantReasons.NotFound);
        var caller = context.Caller();
        caller.EnsureMayActFor(grant.Ags);
        return ToContract(grant).As(caller);
    }

    public override async Task<GrantNotice> GetGrantNotice(GetGrantNoticeRequest request, ServerCallContext context)
    {
        var id = GrantName.ParseId(request.Name, "name");
        var grant = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, GrantReasons.NotFound);
        context.Caller().EnsureMayActFor(grant.Ags);
        if (grant.Number is null || grant.NoticeDate is null)
        {
            throw new RuleViolationException("NOTICE", request.Name, $"The grant is {grant.Status}: no notice has been issued yet.", GrantReasons.NoticeNotIssued);
        }

        var period = await db.FundingPeriods.AsNoTracking().SingleAsync(p => p.Id == grant.PeriodId, context.CancellationToken);
        return new GrantNotice
        {
            Grant = request.Name,
            FileName = $"Zuwendungsbescheid-{grant.Number}.pdf",
            ContentType = "application/pdf",
            Content = ByteString.CopyFrom(notices.Render(grant, period)),
        };
    }

    public override async Task<ListGrantsResponse> ListGrants(ListGrantsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ags = string.IsNullOrEmpty(request.Municipality) ? caller.Ags : MunicipalityName.ParseAgs(request.Municipality, "municipality");
        if (ags is not null)
        {
            caller.EnsureMayActFor(ags);
        }

        var periodId = string.IsNullOrEmpty(request.FundingPeriod) ? null : FundingPeriodName.ParseId(request.FundingPeriod, "funding_period");
        var district = string.IsNullOrEmpty(request.GovernmentDistrict) ? null : request.GovernmentDistrict;
        GrantStatus? status = request.State == GrantState.Unspecified ? null : (GrantStatus)(int)request.State;
        var grants = db.Grants.AsNoTracking();
        if (ags is not null)
        {
            grants = grants.Where(g => g.Ags == ags);
        }

        if (periodId is not null)
        {
            grants = grants.Where(g => g.PeriodId == periodId);
        }

        if (status is not null)
        {
            grants = grants.Where(g => g.Status == status);
        }

        if (district is not null)
        {
            grants = grants.Where(g => g.GovernmentDistrict == district);
        }

        var query = new PageQuery(request.PageSize, request.PageToken, $"{context.Method}|{ags}|{periodId}|{status}|{district}", DefaultPageSize, MaxPageSize);
        var page = await paging.NewestFirstAsync(grants, query, g => g.ApprovedAt, g => g.Id, context.CancellationToken);
        return new ListGrantsResponse { Grants = { page.Items.Select(g => ToContract(g).As(caller)) }, NextPageToken = page.NextPageToken };
    }

    public override Task<V1.Grant> WaiveLegalRemedy(WaiveLegalRemedyRequest request, ServerCallContext context) =>
        commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var id = GrantName.ParseId(request.Name, "name");
            var grant = await db.Grants.SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new ResourceNotFoundException(request.Name, GrantReasons.NotFound);
            var caller = context.Caller();
            caller.EnsureMayActFor(grant.Ags);
            ETags.EnsureCurrent(request.Etag, grant.Version, request.Name);
            var now = clock.GetUtcNow();
            var today = StateCalendar.DayOf(now);
            grant.BecomeFinal(today, waived: true, caller.Subject, now);
            outbox.Add(new GrantFinal(grant.Id, grant.Number!, grant.Ags, grant.PeriodId, today, Waived: true, now));
            try
            {
                // Saved here, inside the command's transaction, so the response carries the new row version as its etag.
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(request.Name, $"{request.Name} was changed meanwhile; get it again and retry.",
                    ConcurrencyConflictException.ConcurrentUpdateReason);
            }

            return ToContract(grant);
        });

    public override async Task<GrantAccount> GetGrantAccount(GetGrantAccountRequest request, ServerCallContext context)
    {
        var id = GrantName.ParseId(request.Name, "name");
        var ct = context.CancellationToken;
        var grant = await db.Grants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct) ?? throw new ResourceNotFoundException(request.Name, GrantReasons.NotFound);
        context.Caller().EnsureMayActFor(grant.Ags);
        if (grant.Number is null)
        {
            throw new RuleViolationException("NOTICE", request.Name, $"The grant is {grant.Status}: no notice has been issued yet.", GrantReasons.NoticeNotIssued);
        }

        var asOf = request.AsOfDate?.ToDateOnly() ?? StateCalendar.DayOf(clock.GetUtcNow());
        var vacancy = await db.VacancyFigures.AsNoTracking().SingleOrDefaultAsync(f => f.GrantId == id, ct);
        var calledOff = await db.Disbursements.Where(d => d.GrantId == id).Where(Funding.Disbursements.Disbursement.IsOpen).SumAsync(d => d.AmountCents, ct);
        var baseRates = await db.BaseRates.AsNoTracking().ToListAsync(ct);
        var months = vacancy?.Months ?? [];
        var figures = GrantAccounting.Of(grant, months, calledOff, asOf, baseRates);
        return new GrantAccount
        {
            Grant = request.Name,
            AsOfDate = asOf.ToContract(),
            Granted = Euro.FromCents(figures.GrantedCents),
            Revoked = Euro.FromCents(figures.RevokedCents),
            Disbursed = Euro.FromCents(figures.DisbursedCents),
            CalledOff = Euro.FromCents(figures.CalledOffCents),
            LeftToCallOff = Euro.FromCents(figures.LeftToCallOffCents),
            VacancyDeduction = Euro.FromCents(figures.Owed.DeductionCents),
            Owed = Euro.FromCents(figures.Owed.OwedCents),
            VacancyCountedThrough = figures.Owed.CountedThrough?.ToContract(),
            VacancyFiguresTime = vacancy?.TakenAt is { } taken ? Timestamp.FromDateTimeOffset(taken) : null,
            VacancyFiguresStale = vacancy is null || vacancy.IsStale,
            Posts =
            {
                months.GroupBy(m => (m.PostId, m.Category, m.FteMilli)).Select(post => new PostVacancyMonths
                {
                    Post = $"postPlans/{grant.Ags}/posts/{post.Key.PostId}",
                    Category = CategoryOf(post.Key.Category),
                    FteMilli = post.Key.FteMilli,
                    Months =
                    {
                        post.OrderBy(m => m.FirstDay).Select(m => new VacantMonth
                        {
                            Year = m.Year,
                            Month = m.Month,
                            VacantMilliFteMonths = (long)Math.Round((decimal)m.VacantMilliDays / m.DaysInMonth, 0, MidpointRounding.AwayFromZero),
                            Counted = OwedAmount.Counts(m, grant.Amounts.Start, grant.PeriodEnd, asOf),
                        }),
                    },
                }),
            },
            Repayable = Euro.FromCents(figures.RepayableCents),
            Interest = Euro.FromCents(figures.InterestCents),
            Repaid = Euro.FromCents(figures.RepaidCents),
            InterestPaid = Euro.FromCents(figures.InterestPaidCents),
        };
    }

    private static MaisCategory CategoryOf(string category) => category switch
    {
        OwedAmount.Specialist => MaisCategory.Specialist,
        OwedAmount.Administration => MaisCategory.Administrative,
        OwedAmount.Support => MaisCategory.Support,
        _ => MaisCategory.Unspecified,
    };

    internal static V1.Grant ToContract(Grant grant) => new()
    {
        Name = GrantName.Format(grant.Id),
        Number = grant.Number ?? "",
        Municipality = MunicipalityName.Format(grant.Ags),
        FundingPeriod = FundingPeriodName.Format(grant.PeriodId),
        Application = $"applications/{grant.ApplicationId}",
        State = (GrantState)(int)grant.Status,
        ApproveTime = Timestamp.FromDateTimeOffset(grant.ApprovedAt),
        StartDate = grant.Amounts.Start.ToContract(),
        Months = grant.Amounts.Months,
        SpecialistAmount = Euro.FromCents(grant.Amounts.SpecialistCents),
        AdministrativeAmount = Euro.FromCents(grant.Amounts.AdministrativeCents),
        SupportAmount = Euro.FromCents(grant.Amounts.SupportCents),
        TotalAmount = Euro.FromCents(grant.Amounts.TotalCents),
        SpecialistFteMilli = grant.Fte.SpecialistMilli,
        AdministrativeFteMilli = grant.Fte.AdministrativeMilli,
        SupportFteMilli = grant.Fte.SupportMilli,
        TeacherFteMilli = grant.TeacherFteMilli,
        FinancingType = Grant.FinancingType,
        NoticeDate = grant.NoticeDate?.ToContract(),
        History =
        {
            grant.Steps.OrderBy(s => s.Position).Select(s => new GrantHistoryEntry
            {
                Description = s.What,
                Time = Timestamp.FromDateTimeOffset(s.At),
                Actor = s.By,
                MoneyKind = (V1.GrantMoneyKind)(int)(s.Kind ?? 0),
                Amount = s.AmountCents is { } cents ? Euro.FromCents(cents) : null,
                EffectiveDate = s.EffectiveOn?.ToContract(),
            }),
        },
        Etag = ETags.Format(grant.Version),
        FinalDate = grant.FinalOn?.ToContract(),
        LegalRemedyWaived = grant.LegalRemedyWaived,
        MunicipalityDisplayName = grant.MunicipalityName,
        GovernmentDistrict = grant.GovernmentDistrict,
        ProofOfUseDueDate = grant.ProofOfUseDueOn.ToContract(),
        ProofOfUseSubmitTime = grant.ProofOfUseSubmittedAt is { } submitted ? Timestamp.FromDateTimeOffset(submitted) : null,
        ProofOfUseOverdueDate = grant.ProofOfUseOverdueSince?.ToContract(),
    };
}
