using Grpc.Core;
using KiPlatform.Funding.V1;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.Integration.Tests.Staffing;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.IntegrationEvents.Staffing;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using KiPlatform.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Funding;

/// <summary>
/// What a grant owes, with the vacancy from the real Staffing service kept current from its events on the real broker,
/// and kept when Staffing stops.
/// </summary>
public sealed class GrantAccountTests(ServersFixture servers)
{
    private const string Ags = "05166";
    private static readonly Google.Type.Date AfterThePeriod = new() { Year = 2032, Month = 1, Day = 1 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long ToCents(Google.Type.Money money) => money.Units * 100 + money.Nanos / 10_000_000;

    [Fact]
    public async Task Posts_filled_and_vacated_change_what_is_owed_and_with_Staffing_stopped_the_grant_answers_and_is_reviewed_with_the_figures_kept()
    {
        await using var stack = await StaffingStack.StartAsync(servers, Ct);
        var periodId = $"f{Guid.NewGuid():N}"[..20];
        await stack.AddFundingPeriodAsync(periodId, new DateOnly(2031, 1, 1), new DateOnly(2031, 12, 31));
        await stack.PublishAsync(new ApplicationApproved(Guid.NewGuid(), Ags, periodId, new PostFte(2.0m, 2.0m, 1.0m, 0.5m), new DateTimeOffset(2030, 12, 1, 9, 0, 0, TimeSpan.Zero)),
            Guid.NewGuid());
        var grants = new GrantService.GrantServiceClient(stack.FundingChannel);
        var grant = (await Eventually.MatchesAsync(
            ct => grants.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}", State = GrantState.Issued }, Mais, cancellationToken: ct).ResponseAsync,
            list => list.Grants.Count == 1, "the grant is issued")).Grants.Single();
        var plan = await Eventually.MatchesAsync(
            ct => stack.PostPlans.GetPostPlanAsync(new GetPostPlanRequest { Name = $"postPlans/{Ags}" }, As(Roles.Admin), cancellationToken: ct).ResponseAsync,
            p => p.Periods.Any(x => x.FundingPeriod == $"fundingPeriods/{periodId}"), "the plan has the period");
        Task<GrantAccount> OwedAsync(long cents, string what) => Eventually.MatchesAsync(
            ct => grants.GetGrantAccountAsync(new GetGrantAccountRequest { Name = grant.Name, AsOfDate = AfterThePeriod }, Mais, cancellationToken: ct).ResponseAsync,
            a => !a.VacancyFiguresStale && ToCents(a.Owed) == cents, what);

        var allVacant = await OwedAsync(0, "every post vacant all year: nothing owed");
        var specialist = plan.Posts.First(p => p.Category == PostCategory.Specialist);
        var filled = await stack.PostPlans.FillPostAsync(new FillPostRequest
        {
            Post = specialist.Name, RequestId = Guid.NewGuid().ToString(),
            Occupant = new NewOccupant { StaffId = "s-1", DisplayName = "Erika Muster", ShareMilli = 1000, StartDate = new Google.Type.Date { Year = 2031, Month = 1, Day = 1 } },
        }, Municipality(Ags), cancellationToken: Ct);
        var wholeYear = await OwedAsync(5_000_000, "one specialist the whole year: 50,000.00 EUR owed");
        await stack.PostPlans.VacatePostAsync(new VacatePostRequest
        {
            Post = specialist.Name, RequestId = Guid.NewGuid().ToString(), StaffId = "s-1", LastDay = new Google.Type.Date { Year = 2031, Month = 3, Day = 31 },
            Reason = VacateReason.ContractEnded,
        }, Municipality(Ags), cancellationToken: Ct);
        var threeMonths = await OwedAsync(1_250_000, "the specialist left after three months: 12,500.00 EUR owed");

        await stack.StopStaffingAsync();
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString,
            new PostVacated(Ags, Guid.NewGuid(), "Specialist", "Mais", 1000, "s-2", 1000, new DateOnly(2031, 1, 1), new DateOnly(2031, 2, 28), "ContractEnded", DateTimeOffset.UtcNow),
            Guid.NewGuid());
        var kept = await Eventually.MatchesAsync(
            ct => grants.GetGrantAccountAsync(new GetGrantAccountRequest { Name = grant.Name, AsOfDate = AfterThePeriod }, Mais, cancellationToken: ct).ResponseAsync,
            a => a.VacancyFiguresStale, "the staffing change is heard of while Staffing is down");
        await grants.WaiveLegalRemedyAsync(new WaiveLegalRemedyRequest { Name = grant.Name, RequestId = Guid.NewGuid().ToString() }, Municipality(Ags), cancellationToken: Ct);
        var proofs = new ProofOfUseService.ProofOfUseServiceClient(stack.FundingChannel);
        await proofs.SubmitProofOfUseAsync(new SubmitProofOfUseRequest
        {
            Parent = grant.Name, RequestId = Guid.NewGuid().ToString(), Document = new ReportDocument { Title = "Sachbericht 2031", Sha256 = new string('a', 64), SizeBytes = 20_480 },
            Statement = { new StatementLine { Category = MaisCategory.Specialist, Planned = ToMoney(10_000_000), Actual = ToMoney(1_250_000) } },
        }, Municipality(Ags), cancellationToken: Ct);
        var reviewed = await proofs.ReviewProofOfUseAsync(new ReviewProofOfUseRequest
        {
            Name = grant.Name, RequestId = Guid.NewGuid().ToString(), Decision = ReviewDecision.RevokeInPart,
            RevokedAmount = kept.VacancyDeduction, Reason = "Stellen unbesetzt",
        }, Mais, cancellationToken: Ct);
        var other = await Assert.ThrowsAsync<RpcException>(() => grants.GetGrantAccountAsync(new GetGrantAccountRequest { Name = grant.Name }, Municipality("05170"), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(17_000_000, ToCents(allVacant.VacancyDeduction));
        Assert.Equal(new Google.Type.Date { Year = 2031, Month = 12, Day = 31 }, allVacant.VacancyCountedThrough);
        Assert.NotNull(filled);
        Assert.Equal(12_000_000, ToCents(wholeYear.VacancyDeduction));
        Assert.Equal(3, threeMonths.Posts.Single(p => p.Post == specialist.Name).Months.Count(m => m.VacantMilliFteMonths == 0));
        Assert.Equal((1_250_000L, threeMonths.VacancyFiguresTime), (ToCents(kept.Owed), kept.VacancyFiguresTime));
        Assert.Equal((GrantState.Closed, 15_750_000L), (reviewed.State, reviewed.History.Where(h => h.MoneyKind == GrantMoneyKind.Revoked).Sum(h => ToCents(h.Amount))));
        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (other.StatusCode, other.ErrorInfo().Reason));
    }

    private static Google.Type.Money ToMoney(long cents) => new() { CurrencyCode = "EUR", Units = cents / 100, Nanos = (int)(cents % 100) * 10_000_000 };
}
