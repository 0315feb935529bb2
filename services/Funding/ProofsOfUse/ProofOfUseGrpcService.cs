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
using Grant = KiPlatform.Funding.Grants.Grant;

namespace KiPlatform.Funding.ProofsOfUse;

/// <summary>The proof of use: the municipality's submission, MAIS's review, the repayment of a claim, and the overdue list.</summary>
public sealed class ProofOfUseGrpcService(
    FundingDbContext db,
    IdempotentCommands<FundingDbContext> commands,
    EventOutbox<FundingDbContext> outbox,
    KeysetPaging paging,
    FundingOverviewCache overviews,
    TimeProvider clock) : ProofOfUseService.ProofOfUseServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;
    private const string NotFoundReason = "PROOF_OF_USE_NOT_FOUND";
    private const string OpenCallOffsReason = "CALL_OFFS_OPEN";

    public override Task<V1.ProofOfUse> SubmitProofOfUse(SubmitProofOfUseRequest request, ServerCallContext context) =>
        commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var (grant, caller, now) = await ChangeAsync(request.Parent, request.Etag, context, ct);
            caller.EnsureMayActFor(grant.Ags);
            grant.SubmitProofOfUse(caller.Subject, now);
            var document = request.Document is { } d ? new ReportDocument(d.Title.Trim(), d.Sha256, d.SizeBytes) : null;
            var statement = request.Statement.Select(l => new StatementLine(l.Category.ToString(), Euro.ToCents(l.Planned), Euro.ToCents(l.Actual))).ToList();
            var proof = ProofOfUse.Submit(grant.Id, document is null ? request.Narrative.Trim() : null, document, statement, caller.Subject, now);
            db.ProofsOfUse.Add(proof);
            outbox.Add(new ProofOfUseSubmitted(grant.Id, grant.Number!, grant.Ags, grant.PeriodId, now));
            await SaveAsync(request.Parent, ct);
            return ToContract(proof, grant.ProofOfUseDueOn);
        });

    public override async Task<V1.ProofOfUse> GetProofOfUse(GetProofOfUseRequest request, ServerCallContext context)
    {
        var grantId = ProofOfUseName.ParseGrantId(request.Name, "name");
        var grant = await db.Grants.AsNoTracking().Where(g => g.Id == grantId).Select(g => new { g.Ags, g.ProofOfUseDueOn }).SingleOrDefaultAsync(context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, GrantReasons.NotFound);
        context.Caller().EnsureMayActFor(grant.Ags);
        var proof = await db.ProofsOfUse.AsNoTracking().SingleOrDefaultAsync(p => p.GrantId == grantId, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, NotFoundReason);
        return ToContract(proof, grant.ProofOfUseDueOn);
    }

    public override Task<V1.Grant> ReviewProofOfUse(ReviewProofOfUseRequest request, ServerCallContext context) =>
        commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var (grant, caller, now) = await ChangeAsync(request.Name, request.Etag, context, ct);
            // A review settles what was paid: a call-off still to be decided or paid would change it afterwards.
            if (await db.Disbursements.Where(d => d.GrantId == grant.Id).AnyAsync(Funding.Disbursements.Disbursement.IsOpen, ct))
            {
                throw new RuleViolationException("CALL_OFFS", request.Name, "Call-offs of the grant are still open: decide them, and let approved ones be paid, first.",
                    OpenCallOffsReason);
            }

            if (request.Decision == ReviewDecision.Accept)
            {
                grant.AcceptProofOfUse(caller.Subject, now);
            }
            else
            {
                var reason = request.Reason.Trim();
                var today = StateCalendar.DayOf(now);
                var revoked = Euro.ToCents(request.RevokedAmount);
                var claim = grant.RevokeInPart(revoked, reason, today, caller.Subject, now);
                outbox.Add(new GrantPartiallyRevoked(grant.Id, grant.Number!, grant.Ags, grant.PeriodId, revoked, claim?.PrincipalCents ?? 0, reason, today, now));
            }

            if (grant.Status == GrantStatus.Closed)
            {
                outbox.Add(new GrantClosed(grant.Id, grant.Number!, grant.Ags, grant.PeriodId, 0, 0, now));
            }

            await SaveAsync(request.Name, ct);
            await overviews.ForgetAsync(grant.PeriodId, ct);
            return GrantGrpcService.ToContract(grant).As(caller);
        });

    public override Task<V1.Grant> RecordRepayment(RecordRepaymentRequest request, ServerCallContext context) =>
        commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var (grant, caller, now) = await ChangeAsync(request.Name, request.Etag, context, ct);
            var baseRates = await db.BaseRates.AsNoTracking().ToListAsync(ct);
            var interest = grant.RecordRepayment(request.RepaymentDate.ToDateOnly()!.Value, Euro.ToCents(request.Amount), baseRates, caller.Subject, now);
            outbox.Add(new GrantClosed(grant.Id, grant.Number!, grant.Ags, grant.PeriodId, grant.RepaidCents, interest, now));
            await SaveAsync(request.Name, ct);
            await overviews.ForgetAsync(grant.PeriodId, ct);
            return GrantGrpcService.ToContract(grant).As(caller);
        });

    public override async Task<ListOverdueProofsOfUseResponse> ListOverdueProofsOfUse(ListOverdueProofsOfUseRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var grants = db.Grants.AsNoTracking().Where(g => g.ProofOfUseOverdueSince != null && g.ProofOfUseSubmittedAt == null);
        if (caller.Ags is { } ags)
        {
            grants = grants.Where(g => g.Ags == ags);
        }

        var periodId = string.IsNullOrEmpty(request.FundingPeriod) ? null : FundingPeriodName.ParseId(request.FundingPeriod, "funding_period");
        if (periodId is not null)
        {
            grants = grants.Where(g => g.PeriodId == periodId);
        }

        var district = string.IsNullOrEmpty(request.GovernmentDistrict) ? null : request.GovernmentDistrict;
        if (district is not null)
        {
            grants = grants.Where(g => g.GovernmentDistrict == district);
        }

        var query = new PageQuery(request.PageSize, request.PageToken, $"{context.Method}|{caller.Ags}|{periodId}|{district}", DefaultPageSize, MaxPageSize);
        var page = await paging.NewestFirstAsync(grants, query, g => g.ApprovedAt, g => g.Id, context.CancellationToken);
        return new ListOverdueProofsOfUseResponse { Grants = { page.Items.Select(g => GrantGrpcService.ToContract(g).As(caller)) }, NextPageToken = page.NextPageToken };
    }

    /// <summary>The grant locked for change, its etag checked; MAIS's commands and the owner's alike pass access here (RpcAccess says who calls).</summary>
    private async Task<(Grant Grant, Caller Caller, DateTimeOffset Now)> ChangeAsync(string name, string etag, ServerCallContext context, CancellationToken ct)
    {
        var grant = await db.LockGrantAsync(GrantName.ParseId(name, "name"), name, ct);
        var caller = context.Caller();
        caller.EnsureMayActFor(grant.Ags);
        ETags.EnsureCurrent(etag, grant.Version, name);
        return (grant, caller, clock.GetUtcNow());
    }

    private async Task SaveAsync(string name, CancellationToken ct)
    {
        try
        {
            // Saved inside the command's transaction, so the response carries the new row version as its etag.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(name, $"{name} was changed meanwhile; get it again and retry.", ConcurrencyConflictException.ConcurrentUpdateReason);
        }
    }

    private static V1.ProofOfUse ToContract(ProofOfUse proof, DateOnly dueOn) => new()
    {
        Name = ProofOfUseName.Format(proof.GrantId),
        Narrative = proof.Narrative ?? "",
        Document = proof.Document is { } d ? new V1.ReportDocument { Title = d.Title, Sha256 = d.Sha256, SizeBytes = d.SizeBytes } : null,
        Statement =
        {
            proof.Statement.Select(l => new V1.StatementLine
            {
                Category = System.Enum.Parse<MaisCategory>(l.Category), Planned = Euro.FromCents(l.PlannedCents), Actual = Euro.FromCents(l.ActualCents),
            }),
        },
        SubmitTime = Timestamp.FromDateTimeOffset(proof.SubmittedAt),
        Submitter = proof.SubmittedBy,
        DueDate = dueOn.ToContract(),
    };
}
