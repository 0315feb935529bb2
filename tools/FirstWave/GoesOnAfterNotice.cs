using KiPlatform.Domain;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Staffing.V1;

namespace KiPlatform.FirstWave;

/// <summary>
/// One KI after its notice, to the grant's closure: the municipality waives legal remedy (the notice is final at once),
/// staffs its posts from their first day (MSW the teacher posts, by secondment), and one specialist resigns after three
/// months, so the post stands vacant from then on. The municipality calls off its need for two months, which MAIS
/// approves and Funding pays; it submits its proof of use, and MAIS revokes the part the vacant post leaves unowed to the
/// period's end (or accepts, with nothing vacant), with any repayment recorded at once. Steps already taken are not taken
/// again.
/// </summary>
internal sealed class GoesOnAfterNotice(PlatformConnection platform)
{
    private static readonly string[] StaffNames =
        ["Aylin Demir", "Jonas Becker", "Mariam Haddad", "Lena Schulte", "Piotr Nowak", "Sophie Wagner", "Tobias Krüger", "Elif Yılmaz"];

    private readonly GrantService.GrantServiceClient _grants = new(platform.Funding);
    private readonly PostPlanService.PostPlanServiceClient _plans = new(platform.Staffing);
    private readonly DisbursementService.DisbursementServiceClient _disbursements = new(platform.Funding);
    private readonly ProofOfUseService.ProofOfUseServiceClient _proofs = new(platform.Funding);

    public async Task RunAsync(FirstWaveMunicipality municipality, Grant grant, CancellationToken cancellationToken)
    {
        var owner = Party.Municipality(municipality.Ags);
        if (grant.State == GrantState.Issued)
        {
            await _grants.WaiveLegalRemedyAsync(new WaiveLegalRemedyRequest { Name = grant.Name, Etag = grant.Etag, RequestId = Guid.NewGuid().ToString() }, platform.As(owner, cancellationToken));
        }

        var plan = await _plans.GetPostPlanAsync(new GetPostPlanRequest { Name = $"postPlans/{municipality.Ags}" }, platform.As(owner, cancellationToken));
        var slug = FirstWaveMunicipality.Slug(municipality.DisplayName);
        var staffed = 0;
        foreach (var post in plan.Posts.Where(p => p.Occupancies.Count == 0))
        {
            var teacher = post.Category == PostCategory.Teacher;
            var occupant = new NewOccupant
            {
                StaffId = $"{slug}-{++staffed:00}",
                DisplayName = StaffNames[(staffed - 1) % StaffNames.Length],
                ShareMilli = Math.Min(post.FteMilli, 1000),
                StartDate = post.OpensOn,
                SecondmentReference = teacher ? $"MSW-ABO-{post.OpensOn.Year}-{municipality.Ags}-{staffed:00}" : "",
            };
            await _plans.FillPostAsync(new FillPostRequest { Post = post.Name, RequestId = Guid.NewGuid().ToString(), Occupant = occupant },
                platform.As(teacher ? Party.Msw : owner, cancellationToken));
        }

        plan = await _plans.GetPostPlanAsync(new GetPostPlanRequest { Name = plan.Name }, platform.As(owner, cancellationToken));
        var specialist = plan.Posts.FirstOrDefault(p => p.Category == PostCategory.Specialist && p.Occupancies.Count == 1 && p.Occupancies[0].EndDate is null);
        if (specialist is not null && !plan.Posts.Any(p => p.Occupancies.Any(o => o.EndDate is not null)))
        {
            var holder = specialist.Occupancies[0];
            await _plans.VacatePostAsync(new VacatePostRequest
            {
                Post = specialist.Name,
                RequestId = Guid.NewGuid().ToString(),
                StaffId = holder.StaffId,
                LastDay = holder.StartDate.ToDateOnly()!.Value.AddMonths(3).AddDays(-1).ToContract(),
                Reason = VacateReason.Resigned,
            }, platform.As(owner, cancellationToken));
        }

        await CallOffAndGetPaidAsync(grant.Name, owner, cancellationToken);
        await ProveUseAndCloseAsync(grant.Name, owner, cancellationToken);
    }

    private async Task CallOffAndGetPaidAsync(string grantName, Party owner, CancellationToken cancellationToken)
    {
        var listed = await _disbursements.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = grantName }, platform.As(owner, cancellationToken));
        if (listed.Disbursements.Count == 0)
        {
            var grant = await _grants.GetGrantAsync(new GetGrantRequest { Name = grantName }, platform.As(owner, cancellationToken));
            var twoMonths = (grant.TotalAmount.Units * 100 + grant.TotalAmount.Nanos / 10_000_000) * 2 / Math.Max(1, grant.Months);
            var need = new Google.Type.Money { CurrencyCode = "EUR", Units = twoMonths / 100, Nanos = (int)(twoMonths % 100) * 10_000_000 };
            await _disbursements.RequestDisbursementAsync(new RequestDisbursementRequest { Parent = grantName, RequestId = Guid.NewGuid().ToString(), Amount = need, TwoMonthNeed = need },
                platform.As(owner, cancellationToken));
            listed = await _disbursements.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = grantName }, platform.As(owner, cancellationToken));
        }

        foreach (var requested in listed.Disbursements.Where(d => d.State == DisbursementState.Requested))
        {
            await _disbursements.ApproveDisbursementAsync(new ApproveDisbursementRequest { Name = requested.Name, Etag = requested.Etag, RequestId = Guid.NewGuid().ToString() },
                platform.As(Party.Mais, cancellationToken));
        }

        await UntilAsync(async ct => (await _disbursements.ListDisbursementsAsync(new ListDisbursementsRequest { Parent = grantName }, platform.As(owner, ct)))
            .Disbursements.All(d => d.State is DisbursementState.Paid or DisbursementState.Refused), "the call-off is paid", cancellationToken);
    }

    private async Task ProveUseAndCloseAsync(string grantName, Party owner, CancellationToken cancellationToken)
    {
        var grant = await _grants.GetGrantAsync(new GetGrantRequest { Name = grantName }, platform.As(Party.Mais, cancellationToken));
        if (grant.ProofOfUseSubmitTime is null)
        {
            grant = await SubmitProofOfUseAsync(grant, owner, cancellationToken);
        }

        if (grant.State == GrantState.Final)
        {
            // What the vacant post leaves unowed to the period's end, once Funding has Staffing's latest figures.
            var period = await new FundingPeriodService.FundingPeriodServiceClient(platform.Funding)
                .GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = grant.FundingPeriod }, platform.As(Party.Mais, cancellationToken));
            var afterPeriod = period.EndDate.ToDateOnly()!.Value.AddDays(1).ToContract();
            GrantAccount? account = null;
            await UntilAsync(async ct =>
            {
                account = await _grants.GetGrantAccountAsync(new GetGrantAccountRequest { Name = grantName, AsOfDate = afterPeriod }, platform.As(Party.Mais, ct));
                return account.VacancyFiguresTime is not null && !account.VacancyFiguresStale;
            }, "Funding has the vacancy from Staffing", cancellationToken);
            var deduction = account!.VacancyDeduction;
            var revoke = deduction.Units > 0 || deduction.Nanos > 0;
            grant = await _proofs.ReviewProofOfUseAsync(new ReviewProofOfUseRequest
            {
                Name = grantName,
                Etag = grant.Etag,
                RequestId = Guid.NewGuid().ToString(),
                Decision = revoke ? ReviewDecision.RevokeInPart : ReviewDecision.Accept,
                RevokedAmount = revoke ? deduction : null,
                Reason = revoke ? "Eine Fachkraftstelle war ab dem vierten Monat unbesetzt; dieser Teil ist nicht verbraucht." : "",
            }, platform.As(Party.Mais, cancellationToken));
        }

        if (grant.State == GrantState.RepaymentClaimed)
        {
            var today = platform.Clock.Today().ToContract();
            var due = await _grants.GetGrantAccountAsync(new GetGrantAccountRequest { Name = grantName, AsOfDate = today }, platform.As(Party.Mais, cancellationToken));
            var cents = ToCents(due.Repayable) + ToCents(due.Interest);
            await _proofs.RecordRepaymentAsync(new RecordRepaymentRequest
            {
                Name = grantName, Etag = grant.Etag, RequestId = Guid.NewGuid().ToString(), RepaymentDate = today,
                Amount = new Google.Type.Money { CurrencyCode = "EUR", Units = cents / 100, Nanos = (int)(cents % 100) * 10_000_000 },
            }, platform.As(Party.Mais, cancellationToken));
        }
    }

    private async Task<Grant> SubmitProofOfUseAsync(Grant grant, Party owner, CancellationToken cancellationToken)
    {
        await _proofs.SubmitProofOfUseAsync(new SubmitProofOfUseRequest
        {
            Parent = grant.Name,
            Etag = grant.Etag,
            RequestId = Guid.NewGuid().ToString(),
            Document = new ReportDocument { Title = $"Sachbericht {grant.Number}", Sha256 = new string('0', 63) + "1", SizeBytes = 184_320 },
            Statement =
            {
                new StatementLine { Category = MaisCategory.Specialist, Planned = grant.SpecialistAmount, Actual = grant.SpecialistAmount },
                new StatementLine { Category = MaisCategory.Administrative, Planned = grant.AdministrativeAmount, Actual = grant.AdministrativeAmount },
                new StatementLine { Category = MaisCategory.Support, Planned = grant.SupportAmount, Actual = grant.SupportAmount },
            },
        }, platform.As(owner, cancellationToken));
        return await _grants.GetGrantAsync(new GetGrantRequest { Name = grant.Name }, platform.As(Party.Mais, cancellationToken));
    }

    private async Task UntilAsync(Func<CancellationToken, Task<bool>> done, string what, CancellationToken cancellationToken)
    {
        var deadline = platform.Clock.GetUtcNow() + FirstWaveScenario.Patience;
        while (!await done(cancellationToken))
        {
            if (platform.Clock.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Kreis Soest: after {FirstWaveScenario.Patience} still waiting until {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), platform.Clock, cancellationToken);
        }
    }

    private static long ToCents(Google.Type.Money money) => money.Units * 100 + money.Nanos / 10_000_000;
}
