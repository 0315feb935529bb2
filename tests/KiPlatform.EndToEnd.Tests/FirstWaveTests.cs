using Aspire.Hosting.Testing;
using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Domain;
using KiPlatform.Funding.V1;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using KiPlatform.Testing;
using UglyToad.PdfPig;
using static KiPlatform.EndToEnd.Tests.FirstWaveFixture;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>
/// The first wave through the running stack: after the 16 approvals, nobody calls another service, yet every KI has
/// its post plan and grant notice, every party is told in its inbox and by mail, and one approval is one trace across
/// the four services. No other test applies for a first-wave municipality or for the period ahead.
/// </summary>
public sealed class FirstWaveTests(PlatformFixture platform, FirstWaveFixture wave) : IClassFixture<FirstWaveFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_16_are_approved_one_after_documents_were_requested_one_with_fewer_posts_and_the_coverage_shows_16_of_54()
    {
        var applications = await ApprovedAsync();
        var coverage = await new MunicipalityService.MunicipalityServiceClient(platform.Channel("applications", Roles.Laki))
            .GetCoverageAsync(new GetCoverageRequest { FundingPeriod = wave.FundingPeriod }, cancellationToken: Ct);

        Assert.Equal(FirstWaveAgs, applications.Keys.Order());
        Assert.Equal((54, 16), (coverage.MunicipalityCount, coverage.CoveredCount));
        var olpe = applications[DocumentsRequestedAgs];
        Assert.NotEmpty(olpe.DocumentsRequest);
        Assert.Equal(DocumentType.CouncilResolution, Assert.Single(olpe.Documents).Type);
        Assert.Equal(1.5, applications[ReducedAgs].ApprovedPosts.SpecialistFte);
        Assert.All(applications.Values.Where(a => !a.Municipality.EndsWith(ReducedAgs, StringComparison.Ordinal)),
            a => Assert.Equal(5.5, a.ApprovedPosts.TeacherFte + a.ApprovedPosts.SpecialistFte + a.ApprovedPosts.AdministrativeFte + a.ApprovedPosts.SupportFte));
    }

    [Fact]
    public async Task Staffing_made_16_post_plans_of_5_5_FTE_each_and_5_0_where_fewer_posts_were_approved()
    {
        var plans = (await new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Laki))
            .ListPostPlansAsync(new ListPostPlansRequest { FundingPeriod = wave.FundingPeriod, PageSize = 100 }, cancellationToken: Ct)).PostPlans;

        Assert.Equal(FirstWaveAgs, plans.Select(p => p.Municipality["municipalities/".Length..]).Order());
        Assert.All(plans, plan => Assert.Equal(plan.Municipality.EndsWith(ReducedAgs, StringComparison.Ordinal) ? 5000 : 5500, plan.Posts.Sum(p => p.FteMilli)));
    }

    [Fact]
    public async Task Funding_issued_16_notices_with_the_amount_of_their_posts_within_the_budget_and_the_notice_is_a_PDF_letter()
    {
        var funding = platform.Channel("funding", Roles.Mais);
        var period = await new FundingPeriodService.FundingPeriodServiceClient(funding).GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = wave.FundingPeriod }, cancellationToken: Ct);
        var grants = (await new GrantService.GrantServiceClient(funding).ListGrantsAsync(new ListGrantsRequest { FundingPeriod = wave.FundingPeriod, PageSize = 100 }, cancellationToken: Ct)).Grants;
        var overview = await new FundingPeriodService.FundingPeriodServiceClient(funding).GetFundingOverviewAsync(new GetFundingOverviewRequest { FundingPeriod = wave.FundingPeriod }, cancellationToken: Ct);

        Assert.Equal(FirstWaveAgs, grants.Select(g => g.Municipality["municipalities/".Length..]).Order());
        Assert.All(grants, grant =>
        {
            Assert.True(grant.State >= GrantState.Issued, $"{grant.Number} is {grant.State}"); // Kreis Soest goes on to closure
            // The documented rule: the exact sum of FTE x rate x months / 12 per category, rounded to the cent once.
            var exact = (grant.SpecialistFteMilli * (decimal)Cents(period.SpecialistRatePerFteYear)
                + grant.AdministrativeFteMilli * (decimal)Cents(period.AdministrativeRatePerFteYear)
                + grant.SupportFteMilli * 2m * Cents(period.SupportRatePerHalfFteYear)) * grant.Months / 12_000m;
            Assert.Equal((long)Math.Round(exact, MidpointRounding.AwayFromZero), Cents(grant.TotalAmount));
            Assert.Equal(grant.Municipality.EndsWith(ReducedAgs, StringComparison.Ordinal) ? 1500 : 2000, grant.SpecialistFteMilli);
        });
        Assert.Equal(grants.Sum(g => Cents(g.TotalAmount)), Cents(overview.Committed));
        Assert.Equal(Cents(period.Budget) - Cents(overview.Committed), Cents(overview.BudgetLeft));

        var soest = grants.Single(g => g.Municipality.EndsWith(GoesOnAgs, StringComparison.Ordinal));
        var notice = await new GrantService.GrantServiceClient(platform.Channel("funding", Roles.Municipality, GoesOnAgs))
            .GetGrantNoticeAsync(new GetGrantNoticeRequest { Name = soest.Name }, cancellationToken: Ct);
        var text = PdfText(notice.Content.ToByteArray());
        Assert.Contains(soest.Number, text);
        Assert.Contains(GermanFormat.Euro(Cents(soest.TotalAmount)), text);
        Assert.Contains("Zuwendungsbescheid", text);
    }

    [Fact]
    public async Task Every_party_is_told_in_its_inbox_and_by_mail_and_the_notice_mail_carries_the_letter()
    {
        var applications = await ApprovedAsync();
        var grants = (await new GrantService.GrantServiceClient(platform.Channel("funding", Roles.Mais))
            .ListGrantsAsync(new ListGrantsRequest { FundingPeriod = wave.FundingPeriod, PageSize = 100 }, cancellationToken: Ct)).Grants
            .ToDictionary(g => g.Municipality["municipalities/".Length..]);
        var submitted = applications.Values.Select(a => a.Name).ToHashSet();

        await InboxHoldsAsync(Roles.Mais, "recipients/mais", items => submitted.IsSubsetOf(Of(items, "ApplicationSubmitted")));
        await InboxHoldsAsync(Roles.Msw, "recipients/msw", items => submitted.IsSubsetOf(Of(items, "ApplicationSubmitted"))
            && FirstWaveAgs.All(ags => Of(items, "PostPlanCreated").Contains($"postPlans/{ags}")));
        await InboxHoldsAsync(Roles.Laki, "recipients/laki", items => submitted.IsSubsetOf(Of(items, "ApplicationApproved")));
        foreach (var ags in FirstWaveAgs)
        {
            await InboxHoldsAsync(Roles.Municipality, $"recipients/municipality-{ags}", items =>
                Of(items, "ApplicationApproved").Contains(applications[ags].Name)
                && Of(items, "PostPlanCreated").Contains($"postPlans/{ags}")
                && Of(items, "GrantIssued").Contains(grants[ags].Name)
                && (ags != DocumentsRequestedAgs || Of(items, "DocumentsRequested").Contains(applications[ags].Name)), ags);
        }

        using var mailServer = new MailServer(platform.App.GetEndpoint("mail", "http"));
        foreach (var ags in FirstWaveAgs)
        {
            await Eventually.MatchesAsync(async ct => await mailServer.MessagesToAsync(applications[ags].Contact.Email, ct),
                mails => mails.Any(m => m.Subject == $"Zuwendungsbescheid {grants[ags].Number}"), $"the notice is mailed to {applications[ags].Contact.Email}", Patience);
        }

        await Eventually.MatchesAsync(async ct => await mailServer.MessagesToAsync("ki-foerderung@mais.nrw.example", ct),
            mails => mails.Count(m => m.Subject.StartsWith("Neuer Antrag: ", StringComparison.Ordinal)) >= 16, "MAIS is mailed every application", Patience);
        var soest = grants[GoesOnAgs];
        var notice = await new GrantService.GrantServiceClient(platform.Channel("funding", Roles.Mais)).GetGrantNoticeAsync(new GetGrantNoticeRequest { Name = soest.Name }, cancellationToken: Ct);
        var mail = (await mailServer.SourcesToAsync(applications[GoesOnAgs].Contact.Email, Ct)).Single(m => m.Subject == $"Zuwendungsbescheid {soest.Number}");
        var attached = Assert.IsType<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        using var attachedPdf = new MemoryStream();
        await attached.Content!.DecodeToAsync(attachedPdf, Ct);
        Assert.Equal(PdfText(notice.Content.ToByteArray()), PdfText(attachedPdf.ToArray()));
    }

    [Fact]
    public async Task Kreis_Soest_goes_from_its_notice_to_closure_staffed_with_one_post_vacant_paid_proven_revoked_in_part_and_told_live_of_each_step_once()
    {
        var funding = new GrantService.GrantServiceClient(platform.Channel("funding", Roles.Municipality, GoesOnAgs));
        var grant = (await funding.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = wave.FundingPeriod }, cancellationToken: Ct)).Grants.Single();
        var staffing = new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Municipality, GoesOnAgs));
        var plan = await staffing.GetPostPlanAsync(new GetPostPlanRequest { Name = $"postPlans/{GoesOnAgs}" }, cancellationToken: Ct);
        var vacancy = await staffing.GetPlanVacancyAsync(new GetPlanVacancyRequest { Name = plan.Name, FundingPeriod = wave.FundingPeriod }, cancellationToken: Ct);
        var disbursements = await new DisbursementService.DisbursementServiceClient(platform.Channel("funding", Roles.Municipality, GoesOnAgs))
            .ListDisbursementsAsync(new ListDisbursementsRequest { Parent = grant.Name }, cancellationToken: Ct);
        var proof = await new ProofOfUseService.ProofOfUseServiceClient(platform.Channel("funding", Roles.Mais))
            .GetProofOfUseAsync(new GetProofOfUseRequest { Name = $"{grant.Name}/proofOfUse" }, cancellationToken: Ct);
        var end = (await new FundingPeriodService.FundingPeriodServiceClient(platform.Channel("funding", Roles.Mais))
            .GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = wave.FundingPeriod }, cancellationToken: Ct)).EndDate;
        var afterPeriod = new DateOnly(end.Year, end.Month, end.Day).AddDays(1);
        var account = await funding.GetGrantAccountAsync(new GetGrantAccountRequest
        {
            Name = grant.Name, AsOfDate = new Google.Type.Date { Year = afterPeriod.Year, Month = afterPeriod.Month, Day = afterPeriod.Day },
        }, cancellationToken: Ct);

        Assert.All(plan.Posts, post => Assert.NotEmpty(post.Occupancies));
        var vacated = Assert.Single(plan.Posts.SelectMany(p => p.Occupancies), o => o.EndDate is not null);
        Assert.Equal(VacateReason.Resigned, vacated.VacateReason);
        var specialist = Assert.Single(vacancy.Categories, c => c.VacantMilliFteMonths > 0);
        Assert.Equal((PostCategory.Specialist, Ministry.Mais), (specialist.Category, specialist.Ministry));
        // Two months' need called off, approved by MAIS and paid.
        var paid = Assert.Single(disbursements.Disbursements);
        Assert.Equal((DisbursementKind.CallOff, DisbursementState.Paid), (paid.Kind, paid.State));
        Assert.Equal(Cents(grant.TotalAmount) * 2 / grant.Months, Cents(paid.Amount));
        Assert.Equal(3, proof.Statement.Count);
        // The specialist who left after three months leaves nine months unowed: 9 x 50,000.00 / 12 EUR, revoked; nothing was
        // paid beyond what remains, so the grant is closed without a claim.
        Assert.Equal(3_750_000, Cents(account.VacancyDeduction));
        Assert.Equal(GrantState.Closed, grant.State);
        Assert.Equal((Cents(paid.Amount), 3_750_000L), (Cents(account.Disbursed), Cents(account.Revoked)));
        Assert.Equal(Cents(account.Disbursed), grant.History.Where(h => h.MoneyKind == GrantMoneyKind.Disbursed).Sum(h => Cents(h.Amount)));

        var application = (await ApprovedAsync())[GoesOnAgs].Name;
        string[] expected = [application, plan.Name, grant.Name];
        var pushed = await Eventually.MatchesAsync(_ => Task.FromResult(wave.PushedToGoesOn.ToArray()),
            items => expected.All(items.Contains) && items.Count(i => i == grant.Name) >= 5, "Kreis Soest is told live of its approval, plan, notice and each step after", Patience);
        Assert.Equal(1, pushed.Count(i => i == plan.Name));
        Assert.Equal(5, pushed.Count(i => i == grant.Name)); // issued, final, paid, revoked in part, closed
    }

    [Fact]
    public async Task One_approval_is_one_trace_on_the_dashboard_across_applications_staffing_funding_and_notifications()
    {
        Assert.Matches("^[0-9a-f]{32}$", wave.ApprovalTraceId);
        using var dashboard = new DashboardTelemetry(platform);
        string[] all = ["applications", "staffing", "funding", "notifications"];

        var services = await Eventually.MatchesAsync(async ct => await dashboard.TraceAsync(wave.ApprovalTraceId, ct) is { } trace ? DashboardTelemetry.ServiceNames(trace) : [],
            found => all.All(found.Contains), $"trace {wave.ApprovalTraceId} holds spans of all four services", Patience);

        Assert.Superset(all.ToHashSet(), services);
    }

    private async Task<Dictionary<string, Application>> ApprovedAsync()
    {
        var listed = await new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Mais)).ListApplicationsAsync(
            new ListApplicationsRequest { FundingPeriod = wave.FundingPeriod, State = ApplicationState.Approved, PageSize = 100 }, cancellationToken: Ct);
        return listed.Applications.ToDictionary(a => a.Municipality["municipalities/".Length..]);
    }

    /// <summary>Waits until the recipient's whole inbox (every page) satisfies <paramref name="condition"/>.</summary>
    private async Task InboxHoldsAsync(string role, string parent, Func<List<KiPlatform.Notifications.V1.InboxItem>, bool> condition, string? ags = null)
    {
        var inbox = new InboxService.InboxServiceClient(platform.Channel("notifications", role, ags));
        await Eventually.MatchesAsync(async ct =>
        {
            var items = new List<KiPlatform.Notifications.V1.InboxItem>();
            var page = "";
            do
            {
                var listed = await inbox.ListInboxItemsAsync(new ListInboxItemsRequest { Parent = parent, PageSize = 100, PageToken = page }, cancellationToken: ct);
                items.AddRange(listed.Items);
                page = listed.NextPageToken;
            }
            while (page.Length > 0);
            return items;
        }, condition, $"the inbox {parent} holds what the first wave told it", Patience);
    }

    private static HashSet<string> Of(List<KiPlatform.Notifications.V1.InboxItem> items, string eventName) =>
        [.. items.Where(i => i.EventType.EndsWith("." + eventName, StringComparison.Ordinal)).Select(i => i.SubjectResource)];

    private static long Cents(Google.Type.Money money) => money.Units * 100 + money.Nanos / 10_000_000;

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
