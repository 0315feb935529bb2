extern alias funding;
using Grpc.Core;
using KiPlatform.Funding.V1;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;
using DisbursementSchedule = funding::KiPlatform.Funding.Disbursements.DisbursementSchedule;
using ProofOfUseDeadlines = funding::KiPlatform.Funding.ProofsOfUse.ProofOfUseDeadlines;

namespace KiPlatform.Integration.Tests.Funding;

/// <summary>Call-offs, tranches, proof of use and revocation over gRPC against real PostgreSQL and RabbitMQ.</summary>
public sealed class DisbursementTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Google.Type.Money Eur(long cents) => new() { CurrencyCode = "EUR", Units = cents / 100, Nanos = (int)(cents % 100) * 10_000_000 };

    private static string NewRequestId() => Guid.NewGuid().ToString();

    /// <summary>A period of 2030 on a fresh database, and the issued grant of <paramref name="ags"/> for it (170,000.00 EUR).</summary>
    private async Task<(FundingServiceHost Host, KiPlatform.Funding.V1.Grant Grant, string PeriodId)> IssuedGrantAsync(string ags, TimeProvider? clock = null)
    {
        var database = await servers.CreateDatabaseAsync(Ct);
        var periodId = $"f{Guid.NewGuid():N}"[..20];
        var host = await FundingServiceHost.StartAsync(servers, database, $"funding-test-{Guid.NewGuid():N}", clock);
        await FundingServiceHost.AddPeriodAsync(database, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), 983_000_000);
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString,
            new ApplicationApproved(Guid.NewGuid(), ags, periodId, new PostFte(2.0m, 2.0m, 1.0m, 0.5m), new DateTimeOffset(2029, 12, 1, 9, 0, 0, TimeSpan.Zero)), Guid.NewGuid());
        var grant = (await Eventually.MatchesAsync(
            ct => new GrantService.GrantServiceClient(host.Channel).ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}", State = GrantState.Issued }, Mais, cancellationToken: ct).ResponseAsync,
            list => list.Grants.Count == 1, "the grant is issued")).Grants.Single();
        return (host, grant, periodId);
    }

    private static Task<KiPlatform.Funding.V1.Grant> WaiveAsync(FundingServiceHost host, KiPlatform.Funding.V1.Grant grant, string ags) =>
        new GrantService.GrantServiceClient(host.Channel).WaiveLegalRemedyAsync(new WaiveLegalRemedyRequest { Name = grant.Name, RequestId = NewRequestId() }, Municipality(ags), cancellationToken: Ct).ResponseAsync;

    [Fact]
    public async Task A_call_off_is_refused_before_finality_and_above_the_two_month_need_then_approved_and_paid_on_its_date()
    {
        const string ags = "05954";
        var (host, grant, _) = await IssuedGrantAsync(ags);
        await using var _ = host;
        var disbursements = new DisbursementService.DisbursementServiceClient(host.Channel);
        var owner = Municipality(ags);
        RequestDisbursementRequest CallOff(long cents, long need) => new() { Parent = grant.Name, RequestId = NewRequestId(), Amount = Eur(cents), TwoMonthNeed = Eur(need) };

        var early = await Assert.ThrowsAsync<RpcException>(() => disbursements.RequestDisbursementAsync(CallOff(2_000_000, 2_500_000), owner, cancellationToken: Ct).ResponseAsync);
        await WaiveAsync(host, grant, ags);
        var aboveNeed = await Assert.ThrowsAsync<RpcException>(() => disbursements.RequestDisbursementAsync(CallOff(3_000_000, 2_500_000), owner, cancellationToken: Ct).ResponseAsync);
        var aboveGrant = await Assert.ThrowsAsync<RpcException>(() => disbursements.RequestDisbursementAsync(CallOff(17_000_001, 17_000_001), owner, cancellationToken: Ct).ResponseAsync);
        var other = await Assert.ThrowsAsync<RpcException>(() => disbursements.RequestDisbursementAsync(CallOff(100, 100), Municipality("05958"), cancellationToken: Ct).ResponseAsync);
        var byMais = await Assert.ThrowsAsync<RpcException>(() => disbursements.RequestDisbursementAsync(CallOff(100, 100), Mais, cancellationToken: Ct).ResponseAsync);
        var request = CallOff(2_500_000, 2_500_000);
        var requested = await disbursements.RequestDisbursementAsync(request, owner, cancellationToken: Ct);
        var again = await disbursements.RequestDisbursementAsync(request, owner, cancellationToken: Ct);
        var approved = await disbursements.ApproveDisbursementAsync(new ApproveDisbursementRequest { Name = requested.Name, Etag = requested.Etag, RequestId = NewRequestId() }, Mais, cancellationToken: Ct);
        var paid = await Eventually.MatchesAsync(
            ct => disbursements.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = grant.Name, State = DisbursementState.Paid }, owner, cancellationToken: ct).ResponseAsync,
            list => list.Disbursements.Count == 1, "the call-off is paid");
        var account = await new GrantService.GrantServiceClient(host.Channel).GetGrantAccountAsync(new GetGrantAccountRequest { Name = grant.Name }, owner, cancellationToken: Ct);

        Assert.Equal((StatusCode.FailedPrecondition, "GRANT_NOT_FINAL"), (early.StatusCode, early.ErrorInfo().Reason));
        Assert.Equal((StatusCode.FailedPrecondition, "ABOVE_TWO_MONTH_NEED"), (aboveNeed.StatusCode, aboveNeed.ErrorInfo().Reason));
        Assert.Equal((StatusCode.FailedPrecondition, "ABOVE_GRANT_LEFT"), (aboveGrant.StatusCode, aboveGrant.ErrorInfo().Reason));
        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (other.StatusCode, other.ErrorInfo().Reason));
        Assert.Equal(StatusCode.PermissionDenied, byMais.StatusCode);
        Assert.Equal(requested.Name, again.Name);
        Assert.Equal(DisbursementState.Approved, approved.State);
        Assert.Equal(2_500_000, ToCents(paid.Disbursements.Single().Amount));
        Assert.Equal((2_500_000L, 14_500_000L), (ToCents(account.Disbursed), ToCents(account.LeftToCallOff)));
        Assert.Equal(1, await TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%DisbursementPaid%' AND body::text LIKE '%{grant.Name["grants/".Length..]}%'"));
    }

    [Fact]
    public async Task A_refused_call_off_says_why_and_leaves_the_money_to_call_off()
    {
        const string ags = "05962";
        var (host, grant, _) = await IssuedGrantAsync(ags);
        await using var _ = host;
        await WaiveAsync(host, grant, ags);
        var disbursements = new DisbursementService.DisbursementServiceClient(host.Channel);
        var requested = await disbursements.RequestDisbursementAsync(
            new RequestDisbursementRequest { Parent = grant.Name, RequestId = NewRequestId(), Amount = Eur(1_000_000), TwoMonthNeed = Eur(1_000_000) }, Municipality(ags), cancellationToken: Ct);

        var refused = await disbursements.RefuseDisbursementAsync(
            new RefuseDisbursementRequest { Name = requested.Name, RequestId = NewRequestId(), Reason = "Need not shown" }, Mais, cancellationToken: Ct);
        var twice = await Assert.ThrowsAsync<RpcException>(() => disbursements.ApproveDisbursementAsync(
            new ApproveDisbursementRequest { Name = requested.Name, RequestId = NewRequestId() }, Mais, cancellationToken: Ct).ResponseAsync);
        var account = await new GrantService.GrantServiceClient(host.Channel).GetGrantAccountAsync(new GetGrantAccountRequest { Name = grant.Name }, Mais, cancellationToken: Ct);

        Assert.Equal((DisbursementState.Refused, "Need not shown"), (refused.State, refused.RefusalReason));
        Assert.Equal((StatusCode.FailedPrecondition, "DISBURSEMENT_NOT_REQUESTED"), (twice.StatusCode, twice.ErrorInfo().Reason));
        Assert.Equal(17_000_000, ToCents(account.LeftToCallOff));
    }

    [Fact]
    public async Task Each_tranche_is_paid_once_with_two_instances_running_and_the_second_pays_the_rest()
    {
        const string ags = "05966";
        var start = new DateTimeOffset(2030, 4, 20, 9, 0, 0, TimeSpan.Zero);
        var clocks = new[] { new FakeTimeProvider(start), new FakeTimeProvider(start) };
        var (first, grant, periodId) = await IssuedGrantAsync(ags, clocks[0]);
        await using var _ = first;
        await using var second = await FundingServiceHost.StartAsync(servers, first.Database, $"funding-test-{Guid.NewGuid():N}", clocks[1]);
        await TestDatabase.ScalarAsync(first.Database, $"UPDATE funding_periods SET \"FixedTranches\" = true WHERE \"Id\" = '{periodId}' RETURNING 1");
        await WaiveAsync(first, grant, ags);
        var schedules = new[] { first, second }.Select(h => h.Services.GetServices<IHostedService>().OfType<DisbursementSchedule>().Single()).ToList();
        var callOff = await Assert.ThrowsAsync<RpcException>(() => new DisbursementService.DisbursementServiceClient(first.Channel).RequestDisbursementAsync(
            new RequestDisbursementRequest { Parent = grant.Name, RequestId = NewRequestId(), Amount = Eur(100), TwoMonthNeed = Eur(100) }, Municipality(ags), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(0, await schedules[0].PayTranchesAsync(Ct)); // 20 April: none due
        foreach (var clock in clocks)
        {
            clock.Advance(TimeSpan.FromDays(11)); // 1 May
        }

        // Both instances' rounds at once, twice each, beside the rounds their schedules run by themselves.
        await Task.WhenAll(schedules.SelectMany(s => new[] { s.PayTranchesAsync(Ct), s.PayTranchesAsync(Ct) }));
        foreach (var clock in clocks)
        {
            clock.Advance(TimeSpan.FromDays(153)); // 1 October
        }

        await Task.WhenAll(schedules.SelectMany(s => new[] { s.PayTranchesAsync(Ct), s.PayTranchesAsync(Ct) }));
        var paid = await new DisbursementService.DisbursementServiceClient(first.Channel).ListDisbursementsAsync(
            new ListDisbursementsRequest { Parent = grant.Name }, Municipality(ags), cancellationToken: Ct);

        Assert.Equal((StatusCode.FailedPrecondition, "TRANCHES_SCHEDULED"), (callOff.StatusCode, callOff.ErrorInfo().Reason));
        Assert.Equal(
            [(new DateOnly(2030, 10, 1), 8_500_000L), (new DateOnly(2030, 5, 1), 8_500_000L)],
            paid.Disbursements.Select(d => (new DateOnly(d.TrancheDate.Year, d.TrancheDate.Month, d.TrancheDate.Day), ToCents(d.Amount))).ToList());
        // Each payment was committed with its DisbursementPaid; the clock moved past the outbox's retention, so the rows count here.
        Assert.Equal(2, await TestDatabase.ScalarAsync(first.Database, $"SELECT count(*) FROM disbursements WHERE \"GrantId\" = '{grant.Name["grants/".Length..]}'"));
    }

    [Fact]
    public async Task A_proof_of_use_overdue_is_flagged_once_then_submitted_and_a_partial_revocation_is_repaid_with_interest_to_its_date()
    {
        const string ags = "05970";
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 10, 9, 0, 0, TimeSpan.Zero));
        var (host, grant, _) = await IssuedGrantAsync(ags, clock);
        await using var _ = host;
        await WaiveAsync(host, grant, ags);
        var schedule = host.Services.GetServices<IHostedService>().OfType<DisbursementSchedule>().Single();
        var deadlines = host.Services.GetServices<IHostedService>().OfType<ProofOfUseDeadlines>().Single();
        var disbursements = new DisbursementService.DisbursementServiceClient(host.Channel);
        var requested = await disbursements.RequestDisbursementAsync(
            new RequestDisbursementRequest { Parent = grant.Name, RequestId = NewRequestId(), Amount = Eur(2_000_000), TwoMonthNeed = Eur(3_000_000) }, Municipality(ags), cancellationToken: Ct);
        await disbursements.ApproveDisbursementAsync(new ApproveDisbursementRequest { Name = requested.Name, RequestId = NewRequestId() }, Mais, cancellationToken: Ct);
        await schedule.PayApprovedCallOffsAsync(Ct);
        clock.Advance(TimeSpan.FromDays(547)); // 11 July 2031: the proof was due on 30 June 2031
        await Task.WhenAll(deadlines.RemindDueAsync(Ct), deadlines.RemindDueAsync(Ct));
        var proofs = new ProofOfUseService.ProofOfUseServiceClient(host.Channel);
        var overdue = await proofs.ListOverdueProofsOfUseAsync(new ListOverdueProofsOfUseRequest(), Municipality(ags), cancellationToken: Ct);

        var otherProof = await Assert.ThrowsAsync<RpcException>(() => proofs.SubmitProofOfUseAsync(Proof(grant.Name), Municipality("05974"), cancellationToken: Ct).ResponseAsync);
        await proofs.SubmitProofOfUseAsync(Proof(grant.Name), Municipality(ags), cancellationToken: Ct);
        var late = await disbursements.RequestDisbursementAsync(
            new RequestDisbursementRequest { Parent = grant.Name, RequestId = NewRequestId(), Amount = Eur(100_000), TwoMonthNeed = Eur(100_000) }, Municipality(ags), cancellationToken: Ct);
        var review = new ReviewProofOfUseRequest
        {
            Name = grant.Name, RequestId = NewRequestId(), Decision = ReviewDecision.RevokeInPart, RevokedAmount = Eur(16_000_000), Reason = "Posts vacant most of the year",
        };
        var open = await Assert.ThrowsAsync<RpcException>(() => proofs.ReviewProofOfUseAsync(review, Mais, cancellationToken: Ct).ResponseAsync);
        await disbursements.RefuseDisbursementAsync(new RefuseDisbursementRequest { Name = late.Name, RequestId = NewRequestId(), Reason = "Nachweis liegt vor" }, Mais, cancellationToken: Ct);
        review.RequestId = NewRequestId();
        var revoked = await proofs.ReviewProofOfUseAsync(review, Mais, cancellationToken: Ct);
        var grants = new GrantService.GrantServiceClient(host.Channel);
        var due = await grants.GetGrantAccountAsync(new GetGrantAccountRequest { Name = grant.Name, AsOfDate = new Google.Type.Date { Year = 2031, Month = 8, Day = 1 } }, Mais, cancellationToken: Ct);
        var closed = await proofs.RecordRepaymentAsync(new RecordRepaymentRequest
        {
            Name = grant.Name, RequestId = NewRequestId(), RepaymentDate = new Google.Type.Date { Year = 2031, Month = 8, Day = 1 }, Amount = Eur(ToCents(due.Repayable) + ToCents(due.Interest)),
        }, Mais, cancellationToken: Ct);

        Assert.Equal(grant.Name, overdue.Grants.Single().Name);
        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (otherProof.StatusCode, otherProof.ErrorInfo().Reason));
        Assert.Equal((StatusCode.FailedPrecondition, "CALL_OFFS_OPEN"), (open.StatusCode, open.ErrorInfo().Reason));
        Assert.Equal(GrantState.RepaymentClaimed, revoked.State);
        // Paid 20,000.00, granted 170,000.00 less 160,000.00 revoked: 10,000.00 to repay.
        Assert.Equal(1_000_000, ToCents(due.Repayable));
        Assert.True(ToCents(due.Interest) > 0);
        Assert.Equal(GrantState.Closed, closed.State);
        Assert.Equal(ToCents(due.Repayable), closed.History.Where(h => h.MoneyKind == GrantMoneyKind.Repaid).Sum(h => ToCents(h.Amount)));
        // Approvals other tests publish for the periods every Funding database has land here too: count this grant's events.
        var grantId = grant.Name["grants/".Length..];
        Assert.Equal(1, await TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%ProofOfUseOverdue%' AND body::text LIKE '%{grantId}%'"));
        Assert.Equal(1, await TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%GrantClosed%' AND body::text LIKE '%{grantId}%'"));
    }

    private static SubmitProofOfUseRequest Proof(string grant) => new()
    {
        Parent = grant,
        RequestId = NewRequestId(),
        Narrative = "Bildungskette und Integration als Querschnittsaufgabe: was wir 2030 getan haben.",
        Statement =
        {
            new StatementLine { Category = MaisCategory.Specialist, Planned = Eur(10_000_000), Actual = Eur(2_000_000) },
            new StatementLine { Category = MaisCategory.Administrative, Planned = Eur(5_000_000), Actual = Eur(0) },
        },
    };

    private static long ToCents(Google.Type.Money money) => money.Units * 100 + money.Nanos / 10_000_000;
}
