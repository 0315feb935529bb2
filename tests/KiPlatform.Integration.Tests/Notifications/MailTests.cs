using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.Notifications.V1;
using KiPlatform.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Notifications;

/// <summary>Notices mailed through the real development mail server (smtp4dev), read back over its HTTP API.</summary>
public sealed class MailTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_grant_notice_is_mailed_once_with_its_umlauts_to_the_address_the_municipality_set_and_a_muted_kind_is_not()
    {
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}");
        var address = $"ki-{Guid.NewGuid():N}@kreis-unna.example";
        var preferences = new DeliveryPreferencesService.DeliveryPreferencesServiceClient(host.Channel);
        await preferences.UpdateDeliveryPreferencesAsync(new UpdateDeliveryPreferencesRequest
        {
            DeliveryPreferences = new DeliveryPreferences
            {
                Name = "recipients/municipality-05978/deliveryPreferences", EmailAddress = address, MutedKinds = { NotificationKind.GrantQueuedForBudget },
            },
            RequestId = Guid.NewGuid().ToString(),
        }, Municipality("05978"), cancellationToken: Ct);
        var grantId = Guid.NewGuid();
        var issued = new GrantIssued(grantId, "KI-2013-05978-01", "05978", "2013", Guid.NewGuid(), new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), 11,
            9_166_667, 4_583_333, 1_833_333, 15_583_333, 2000, DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();

        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString,
            new GrantQueuedForBudget(grantId, "05978", "2013", Guid.NewGuid(), 15_583_333, 0, DateTimeOffset.UtcNow), Guid.NewGuid());
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, issued, messageId);
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, issued, messageId);
        using var mailServer = new MailServer(servers.MailWeb);
        var mails = await Eventually.MatchesAsync(ct => mailServer.MessagesToAsync(address, ct), found => found.Count > 0, "the notice is mailed");
        await Eventually.MatchesAsync(_ => TestDatabase.ScalarAsync(host.Database,
            $"SELECT count(*) FROM mail_deliveries WHERE \"Address\" = '{address}' AND \"Status\" = 'Sent' AND \"SentAt\" IS NOT NULL"), n => n == 1, "the delivery is recorded as sent");

        var mail = Assert.Single(mails);
        Assert.Equal("Zuwendungsbescheid KI-2013-05978-01", mail.Subject);
        Assert.Contains("155.833,33 EUR für die Zeit vom 1. Februar 2013 an", mail.Body);
        Assert.Contains("bestandskräftig", mail.Body);
        Assert.Equal(2, await TestDatabase.ScalarAsync(host.Database,
            $"SELECT count(*) FROM inbox_items WHERE \"SubjectResource\" = 'grants/{grantId}' AND \"RecipientId\" = 'municipality-05978'"));
        Assert.Equal(1, await TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM mail_deliveries WHERE \"Address\" = '{address}'"));
    }
}
