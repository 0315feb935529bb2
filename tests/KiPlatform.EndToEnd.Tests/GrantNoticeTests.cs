using Aspire.Hosting.Testing;
using KiPlatform.Applications.V1;
using KiPlatform.Domain;
using KiPlatform.Funding.V1;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing;
using UglyToad.PdfPig;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>
/// An approval in the period that still has whole months after today (the current year's; from December on, the next
/// year's), through the running stack: Applications knows the period from Funding's
/// events, Funding issues the grant, the notice comes back as a PDF letter, and Notifications tells the municipality in
/// its inbox and by mail, with the letter attached.
/// </summary>
public sealed class GrantNoticeTests(PlatformFixture platform)
{
    private const string Ags = "05154"; // Kreis Kleve; no other test applies for it

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_approval_for_the_months_ahead_yields_an_issued_grant_whose_notice_is_a_PDF_with_its_number_and_amount()
    {
        // A grant starts on the first of the month after its approval.
        var period = $"fundingPeriods/{StateCalendar.Today(TimeProvider.System).AddMonths(1).Year}";
        var municipality = new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Municipality, Ags));
        var mais = new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Mais));
        var msw = new ApplicationService.ApplicationServiceClient(platform.Channel("applications", Roles.Msw));
        var address = $"ki-{Guid.NewGuid():N}@kreis-kleve.example";
        await new DeliveryPreferencesService.DeliveryPreferencesServiceClient(platform.Channel("notifications", Roles.Municipality, Ags)).UpdateDeliveryPreferencesAsync(
            new UpdateDeliveryPreferencesRequest
            {
                DeliveryPreferences = new DeliveryPreferences { Name = $"recipients/municipality-{Ags}/deliveryPreferences", EmailAddress = address },
                RequestId = Guid.NewGuid().ToString(),
            }, cancellationToken: Ct);
        // The municipality follows its inbox live from before its application.
        using var live = new InboxService.InboxServiceClient(platform.Channel("notifications", Roles.Municipality, Ags))
            .StreamInboxItems(new StreamInboxItemsRequest { Parent = $"recipients/municipality-{Ags}" }, cancellationToken: Ct);
        Assert.True(await live.ResponseStream.MoveNext(Ct));
        Assert.Equal(StreamInboxItemsResponse.EventOneofCase.CaughtUp, live.ResponseStream.Current.EventCase);
        // Applications learns of the period from Funding's events at its start.
        var draft = await Eventually.MatchesAsync(async ct =>
        {
            try
            {
                return await municipality.CreateApplicationAsync(new CreateApplicationRequest { RequestId = Guid.NewGuid().ToString(), Application = Content(period) }, cancellationToken: ct);
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.InvalidArgument)
            {
                return null;
            }
        }, created => created is not null, $"Applications takes applications for {period}", TimeSpan.FromSeconds(60));
        await municipality.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft!.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Ct);
        await mais.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Ct);
        await msw.StartContentReviewAsync(new StartContentReviewRequest { Name = draft.Name, RequestId = Guid.NewGuid().ToString() }, cancellationToken: Ct);
        await mais.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = Guid.NewGuid().ToString(), Mais = new MaisPart { SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
        }, cancellationToken: Ct);
        await msw.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = Guid.NewGuid().ToString(), Msw = new MswPart { TeacherFte = 2.0 },
        }, cancellationToken: Ct);

        var grants = new GrantService.GrantServiceClient(platform.Channel("funding", Roles.Municipality, Ags));
        var grant = (await Eventually.MatchesAsync(
            ct => grants.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = period }, cancellationToken: ct).ResponseAsync,
            list => list.Grants.Any(g => g.State == GrantState.Issued), $"the grant of {Ags} is issued", TimeSpan.FromSeconds(60))).Grants.Single();
        var notice = await grants.GetGrantNoticeAsync(new GetGrantNoticeRequest { Name = grant.Name }, cancellationToken: Ct);

        using var pdf = PdfDocument.Open(notice.Content.ToByteArray());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Equal(("Kreis Kleve", "Düsseldorf"), (grant.MunicipalityDisplayName, grant.GovernmentDistrict));
        Assert.True(grant.Months is >= 1 and <= 12, $"{grant.Months} months");
        Assert.Contains(grant.Number, text);
        Assert.Contains(GermanFormat.Euro(grant.TotalAmount.Units * 100 + grant.TotalAmount.Nanos / 10_000_000), text);
        Assert.Contains("Zuwendungsbescheid", text);

        // Notifications tells the municipality, in its inbox, of its notice.
        var inbox = new InboxService.InboxServiceClient(platform.Channel("notifications", Roles.Municipality, Ags));
        var told = await Eventually.MatchesAsync(
            async ct => (await inbox.ListInboxItemsAsync(new ListInboxItemsRequest { Parent = $"recipients/municipality-{Ags}" }, cancellationToken: ct)).Items
                .FirstOrDefault(i => i.SubjectResource == grant.Name),
            item => item is not null, $"the inbox of {Ags} tells of its grant notice", TimeSpan.FromSeconds(60));
        Assert.Equal($"Zuwendungsbescheid {grant.Number}", told!.Subject);
        using (var pushDeadline = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            pushDeadline.CancelAfter(TimeSpan.FromSeconds(30));
            var pushed = new List<string>();
            while (!pushed.Contains(grant.Name) && await live.ResponseStream.MoveNext(pushDeadline.Token))
            {
                pushed.Add(live.ResponseStream.Current.Item.SubjectResource);
            }

            Assert.Contains(grant.Name, pushed); // and, before it, the approval and the post plan
        }

        Assert.Contains(GermanFormat.Euro(grant.TotalAmount.Units * 100 + grant.TotalAmount.Nanos / 10_000_000), told.Body);

        // And by mail, to the address the municipality set, with the notice attached as Funding renders it.
        using var mailServer = new MailServer(platform.App.GetEndpoint("mail", "http"));
        // The approval and the post plan are mailed too; the notice is the mail with the number in its subject.
        var mail = Assert.Single(await Eventually.MatchesAsync(
            async ct => (await mailServer.SourcesToAsync(address, ct)).Where(m => m.Subject == $"Zuwendungsbescheid {grant.Number}").ToList(),
            found => found.Count > 0, $"the notice is mailed to {Ags}", TimeSpan.FromSeconds(60)));
        var attached = Assert.IsType<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        using var attachedPdf = new MemoryStream();
        await attached.Content!.DecodeToAsync(attachedPdf, Ct);
        using var attachedNotice = PdfDocument.Open(attachedPdf.ToArray());
        Assert.Equal(text, string.Join(" ", attachedNotice.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    private static Application Content(string period) => new()
    {
        Municipality = $"municipalities/{Ags}",
        FundingPeriod = period,
        CouncilResolutionDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 12 },
        IntegrationConcept = new IntegrationConcept { AdoptedDate = new Google.Type.Date { Year = 2025, Month = 11, Day = 20 } },
        OrganisationalPlacement = "Fachbereich Schule, Jugend und Integration",
        Priorities = new StatutoryPriorities { Education = "Sprachförderung im Übergang Kita–Schule", CrossCuttingIntegration = "Willkommenskultur in der Verwaltung" },
        Contact = new Contact { Name = "Jonas Beispiel", Email = "ki@kreis-kleve.example" },
        RequestedPosts = new Posts { TeacherFte = 2.0, SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
    };
}
