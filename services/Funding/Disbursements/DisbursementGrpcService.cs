using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Funding.FundingPeriods;
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
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.Disbursements;

/// <summary>Call-offs (Mittelabruf): the municipality's request, MAIS's decision, and the listing of call-offs and tranches.</summary>
public sealed class DisbursementGrpcService(
    FundingDbContext db,
    IdempotentCommands<FundingDbContext> commands,
    EventOutbox<FundingDbContext> outbox,
    KeysetPaging paging,
    DisbursementSchedule schedule,
    TimeProvider clock) : DisbursementService.DisbursementServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override Task<V1.Disbursement> RequestDisbursement(RequestDisbursementRequest request, ServerCallContext context) =>
        commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var grant = await db.LockGrantAsync(GrantName.ParseId(request.Parent, "parent"), request.Parent, ct);
            var caller = context.Caller();
            caller.EnsureMayActFor(grant.Ags);
            var fixedTranches = await db.FundingPeriods.Where(p => p.Id == grant.PeriodId).Select(p => p.FixedTranches).SingleAsync(ct);
            var calledOff = await db.Disbursements.Where(d => d.GrantId == grant.Id).Where(Disbursement.IsOpen).SumAsync(d => d.AmountCents, ct);
            var amount = Euro.ToCents(request.Amount);
            var need = Euro.ToCents(request.TwoMonthNeed);
            DisbursementRules.EnsureAllowed(request.Parent, grant.Status, fixedTranches, amount, need, grant.UnpaidCents - calledOff);
            var now = clock.GetUtcNow();
            var disbursement = Disbursement.CallOff(grant, amount, need, caller.Subject, now);
            db.Disbursements.Add(disbursement);
            outbox.Add(new DisbursementRequested(grant.Id, disbursement.Id, grant.Number!, grant.Ags, grant.PeriodId, amount, need, now));
            await db.SaveChangesAsync(ct);
            return ToContract(disbursement);
        });

    public override Task<V1.Disbursement> ApproveDisbursement(ApproveDisbursementRequest request, ServerCallContext context) =>
        DecideAsync(request.Name, request.Etag, request.RequestId, request, context, (disbursement, grant, caller, now) =>
        {
            var today = StateCalendar.DayOf(now);
            disbursement.Approve(request.PaymentDate?.ToDateOnly() ?? today, today, caller.Subject, now);
        });

    public override Task<V1.Disbursement> RefuseDisbursement(RefuseDisbursementRequest request, ServerCallContext context) =>
        DecideAsync(request.Name, request.Etag, request.RequestId, request, context, (disbursement, grant, caller, now) =>
        {
            disbursement.Refuse(request.Reason.Trim(), caller.Subject, now);
            outbox.Add(new DisbursementRefused(grant.Id, disbursement.Id, grant.Number!, grant.Ags, grant.PeriodId, disbursement.AmountCents, disbursement.RefusalReason!, now));
        });

    public override async Task<ListDisbursementsResponse> ListDisbursements(ListDisbursementsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var disbursements = db.Disbursements.AsNoTracking();
        Guid? grantId = null;
        if (request.Parent != ListDisbursementsRequestValidator.AllGrants)
        {
            grantId = GrantName.ParseId(request.Parent, "parent");
            var ags = await db.Grants.Where(g => g.Id == grantId).Select(g => g.Ags).SingleOrDefaultAsync(context.CancellationToken)
                ?? throw new ResourceNotFoundException(request.Parent, GrantReasons.NotFound);
            caller.EnsureMayActFor(ags);
            disbursements = disbursements.Where(d => d.GrantId == grantId);
        }

        var municipality = string.IsNullOrEmpty(request.Municipality) ? caller.Ags : MunicipalityName.ParseAgs(request.Municipality, "municipality");
        if (municipality is not null)
        {
            caller.EnsureMayActFor(municipality);
            disbursements = disbursements.Where(d => d.Ags == municipality);
        }

        DisbursementStatus? status = request.State == DisbursementState.Unspecified ? null : (DisbursementStatus)(int)request.State;
        if (status is not null)
        {
            disbursements = disbursements.Where(d => d.Status == status);
        }

        var query = new PageQuery(request.PageSize, request.PageToken, $"{context.Method}|{grantId}|{municipality}|{status}", DefaultPageSize, MaxPageSize);
        var page = await paging.NewestFirstAsync(disbursements, query, d => d.RequestedAt, d => d.Id, context.CancellationToken);
        return new ListDisbursementsResponse { Disbursements = { page.Items.Select(ToContract) }, NextPageToken = page.NextPageToken };
    }

    private Task<V1.Disbursement> DecideAsync<TRequest>(string name, string etag, string requestId, TRequest request, ServerCallContext context,
        Action<Disbursement, Grants.Grant, Caller, DateTimeOffset> decide) where TRequest : Google.Protobuf.IMessage<TRequest> =>
        commands.ExecuteAsync(request, requestId, context, async ct =>
        {
            var (grantId, id) = DisbursementName.Parse(name, "name");
            var grant = await db.LockGrantAsync(grantId, name, ct);
            var disbursement = await db.Disbursements.SingleOrDefaultAsync(d => d.Id == id && d.GrantId == grantId, ct)
                ?? throw new ResourceNotFoundException(name, DisbursementReasons.NotFound);
            ETags.EnsureCurrent(etag, disbursement.Version, name);
            var now = clock.GetUtcNow();
            decide(disbursement, grant, context.Caller(), now);
            await db.SaveChangesAsync(ct);
            if (disbursement.Status == DisbursementStatus.Approved)
            {
                schedule.Wake();
            }

            return ToContract(disbursement);
        });

    internal static V1.Disbursement ToContract(Disbursement d) => new()
    {
        Name = DisbursementName.Format(d.GrantId, d.Id),
        Municipality = MunicipalityName.Format(d.Ags),
        FundingPeriod = FundingPeriodName.Format(d.PeriodId),
        Kind = (V1.DisbursementKind)(int)d.Kind,
        State = (DisbursementState)(int)d.Status,
        Amount = Euro.FromCents(d.AmountCents),
        TwoMonthNeed = d.TwoMonthNeedCents is { } need ? Euro.FromCents(need) : null,
        RequestTime = Timestamp.FromDateTimeOffset(d.RequestedAt),
        Requester = d.RequestedBy,
        DecideTime = d.DecidedAt is { } decided ? Timestamp.FromDateTimeOffset(decided) : null,
        Decider = d.DecidedBy ?? "",
        RefusalReason = d.RefusalReason ?? "",
        PaymentDate = d.PaymentDate?.ToContract(),
        PaidTime = d.PaidAt is { } paid ? Timestamp.FromDateTimeOffset(paid) : null,
        TrancheDate = d.TrancheOn?.ToContract(),
        Etag = ETags.Format(d.Version),
    };
}
