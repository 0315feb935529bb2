using KiPlatform.Integration.Tests.Applications;
using KiPlatform.Integration.Tests.Funding;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Applications.V1;
using KiPlatform.Funding.V1;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing;
using UglyToad.PdfPig;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Notifications;

/// <summary>Notices mailed through the real development mail server (smtp4dev), read back over its HTTP API.</summary>
public sealed class MailTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SetAddressAsync(NotificationsServiceHost host, string ags, string address, params NotificationKind[] muted) =>
        await new DeliveryPreferencesService.DeliveryPreferencesServiceClient(host.Channel).UpdateDeliveryPreferencesAsync(new UpdateDeliveryPreferencesRequest
        {
            DeliveryPreferences = new DeliveryPreferences { Name = $"recipients/municipality-{ags}/deliveryPreferences", EmailAddress = address, MutedKinds = { muted } },
            RequestId = Guid.NewGuid().ToString(),
        }, Municipality(ags), cancellationToken: Ct);

    private static async Task<InboxItem?> ItemAboutAsync(NotificationsServiceHost host, string ags, string resource, CancellationToken ct) =>
        (await new InboxService.InboxServiceClient(host.Channel).ListInboxItemsAsync(
            new ListInboxItemsRequest { Parent = $"recipients/municipality-{ags}", PageSize = 100 }, Municipality(ags), cancellationToken: ct))
        .Items.FirstOrDefault(i => i.SubjectResource == resource);

    [Fact]
    public async Task An_approval_granted_by_Funding_is_mailed_once_as_its_notice_with_the_PDF_attached_and_umlauts_intact_and_a_muted_kind_is_not()
    {
        var fundingDatabase = await servers.CreateDatabaseAsync(Ct);
        await using var funding = await FundingServiceHost.StartAsync(servers, fundingDatabase, $"funding-test-{Guid.NewGuid():N}");
        var periodId = $"t{Guid.NewGuid():N}"[..20]; // a period only this test's Funding knows: no other test's Funding grants this approval
        await FundingServiceHost.AddPeriodAsync(fundingDatabase, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), 983_000_000);
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}",
            funding: funding.Server.CreateHandler());
        var address = $"ki-{Guid.NewGuid():N}@kreis-unna.example";
        await SetAddressAsync(host, "05978", address, NotificationKind.ApplicationApproved);

        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString,
            new ApplicationApproved(Guid.NewGuid(), "05978", periodId, new PostFte(2.0m, 2.0m, 1.0m, 0.5m), new DateTimeOffset(2029, 12, 10, 9, 0, 0, TimeSpan.Zero)), Guid.NewGuid());
        using var mailServer = new MailServer(servers.MailWeb);
        var mail = Assert.Single(await Eventually.MatchesAsync(ct => mailServer.SourcesToAsync(address, ct), found => found.Count > 0, "the notice is mailed", TimeSpan.FromSeconds(60)));
        var number = $"KI-{periodId}-05978-01";

        Assert.Equal($"Zuwendungsbescheid {number}", mail.Subject);
        Assert.Contains("170.000,00 EUR für die Zeit vom 1. Januar 2030 an", mail.TextBody);
        Assert.Contains("bestandskräftig", mail.TextBody);
        var attached = Assert.IsType<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal(($"Zuwendungsbescheid-{number}.pdf", "application/pdf"), (attached.FileName, attached.ContentType.MimeType));
        using var content = new MemoryStream();
        await attached.Content!.DecodeToAsync(content, Ct);
        using var pdf = PdfDocument.Open(content.ToArray());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains(number, text);
        Assert.Contains("170.000,00 EUR", text);
        var grant = Assert.Single((await new GrantService.GrantServiceClient(funding.Channel).ListGrantsAsync(
            new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}" }, As(Roles.Mais), cancellationToken: Ct)).Grants);
        var item = await Eventually.MatchesAsync(ct => ItemAboutAsync(host, "05978", grant.Name, ct), i => i?.Mail?.State == MailDeliveryState.Sent,
            "the inbox shows the mail as sent");
        Assert.True(item!.Mail.HasAttachment);
        Assert.Equal(1, await TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM mail_deliveries WHERE \"Address\" = '{address}'"));
    }

    [Fact]
    public async Task With_the_mail_server_down_the_inbox_entry_is_there_at_once_the_mail_pending_with_its_error_and_sent_once_the_server_is_back()
    {
        await using var relay = MailRelay.Down(servers.MailConnectionString);
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}",
            mailServer: relay.ConnectionString);
        var address = $"ki-{Guid.NewGuid():N}@stadt-hagen.example";
        await SetAddressAsync(host, "05914", address);
        var requested = new DocumentsRequested(Guid.NewGuid(), "05914", "2013", "Der Ratsbeschluss fehlt.", new DateTimeOffset(2012, 10, 1, 9, 0, 0, TimeSpan.Zero));
        var resource = $"applications/{requested.ApplicationId}";

        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, requested, Guid.NewGuid());
        var failing = await Eventually.MatchesAsync(ct => ItemAboutAsync(host, "05914", resource, ct), i => i?.Mail is { Attempts: >= 1, State: MailDeliveryState.Pending },
            "the item is in the inbox and its mail has failed once");
        Assert.NotEmpty(failing!.Mail.LastError);
        relay.Up();
        var sent = await Eventually.MatchesAsync(ct => ItemAboutAsync(host, "05914", resource, ct), i => i?.Mail?.State == MailDeliveryState.Sent,
            "the mail is sent once the server is back", TimeSpan.FromSeconds(60));
        using var mailServer = new MailServer(servers.MailWeb);

        Assert.NotNull(sent!.Mail.SentTime);
        Assert.Equal("", sent.Mail.LastError);
        var mail = Assert.Single(await mailServer.MessagesToAsync(address, Ct));
        Assert.Contains("Der Ratsbeschluss fehlt.", mail.Body);
    }

    [Fact]
    public async Task Mail_failed_for_good_is_sent_once_admin_resends_it_and_the_same_request_again_resends_nothing()
    {
        await using var relay = MailRelay.Down(servers.MailConnectionString);
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}",
            mailServer: relay.ConnectionString, mailAttempts: 2);
        var address = $"ki-{Guid.NewGuid():N}@kreis-olpe.example";
        await SetAddressAsync(host, "05966", address);
        var requested = new DocumentsRequested(Guid.NewGuid(), "05966", "2013", "Das Integrationskonzept fehlt.", new DateTimeOffset(2012, 10, 1, 9, 0, 0, TimeSpan.Zero));
        var resource = $"applications/{requested.ApplicationId}";
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, requested, Guid.NewGuid());
        await Eventually.MatchesAsync(ct => ItemAboutAsync(host, "05966", resource, ct), i => i?.Mail is { State: MailDeliveryState.Failed, Attempts: 2 },
            "the mail has failed both its attempts");
        relay.Up();
        var operations = new MailDeliveryService.MailDeliveryServiceClient(host.Channel);
        var resend = new ResendFailedMailsRequest { RequestId = Guid.NewGuid().ToString() };

        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => operations.ResendFailedMailsAsync(resend, As(Roles.Mais), cancellationToken: Ct).ResponseAsync);
        var first = await operations.ResendFailedMailsAsync(resend, As(Roles.Admin), cancellationToken: Ct);
        await Eventually.MatchesAsync(ct => ItemAboutAsync(host, "05966", resource, ct), i => i?.Mail?.State == MailDeliveryState.Sent, "the resent mail is sent");
        var replayed = await operations.ResendFailedMailsAsync(resend, As(Roles.Admin), cancellationToken: Ct);
        using var mailServer = new MailServer(servers.MailWeb);

        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal((1, 1), (first.ResentCount, replayed.ResentCount));
        Assert.Contains("Das Integrationskonzept fehlt.", Assert.Single(await mailServer.MessagesToAsync(address, Ct)).Body);
        Assert.Equal(1, await TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM mail_deliveries WHERE \"Address\" = '{address}' AND \"Status\" = 'Sent'"));
    }

    [Fact]
    public async Task A_municipality_that_set_no_address_is_mailed_at_the_contact_of_its_latest_application_and_LaKI_never_sees_that_contact()
    {
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}");
        var contact = $"ki-{Guid.NewGuid():N}@kreis-heinsberg.example";
        var content = ApplicationRequests.Complete("05370");
        content.Contact.Email = contact;
        var draft = await host.ApplicationsHost.Applications.CreateApplicationAsync(ApplicationRequests.Create("05370", content), Municipality("05370"), cancellationToken: Ct);
        var requested = new DocumentsRequested(Guid.NewGuid(), "05370", "2013", "Der Stellenplan fehlt.", new DateTimeOffset(2012, 10, 1, 9, 0, 0, TimeSpan.Zero));

        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, requested, Guid.NewGuid());
        using var mailServer = new MailServer(servers.MailWeb);
        var mails = await Eventually.MatchesAsync(ct => mailServer.MessagesToAsync(contact, ct), found => found.Count > 0, "the contact is mailed");
        var seenByLaki = await host.ApplicationsHost.Applications.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, As(Roles.Laki), cancellationToken: Ct);
        var seenByMais = await host.ApplicationsHost.Applications.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, As(Roles.Mais), cancellationToken: Ct);

        Assert.Contains("Der Stellenplan fehlt.", Assert.Single(mails).Body);
        Assert.Null(seenByLaki.Contact);
        Assert.Equal(contact, seenByMais.Contact.Email);
    }
}
