using Grpc.Core;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Notifications;

/// <summary>
/// Events on the real bus become inbox items in German, once, against real PostgreSQL and RabbitMQ. Events other tests
/// publish reach these hosts too: each test looks only at the items about its own application or grant.
/// </summary>
public sealed class InboxTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<NotificationsServiceHost> StartAsync() =>
        await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}");

    private static async Task<List<InboxItem>> ItemsAboutAsync(InboxService.InboxServiceClient inbox, string recipient, string resource, Metadata caller, bool unreadOnly = false)
    {
        var items = new List<InboxItem>();
        var token = "";
        do
        {
            var page = await inbox.ListInboxItemsAsync(new ListInboxItemsRequest { Parent = $"recipients/{recipient}", PageSize = 100, PageToken = token, UnreadOnly = unreadOnly },
                caller, cancellationToken: Ct);
            items.AddRange(page.Items.Where(i => i.SubjectResource == resource));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return items;
    }

    [Fact]
    public async Task An_approval_delivered_twice_tells_the_municipality_and_LaKI_once_each_in_German_with_its_official_name()
    {
        await using var host = await StartAsync();
        var inbox = new InboxService.InboxServiceClient(host.Channel);
        var approved = new ApplicationApproved(Guid.NewGuid(), "05117", "2013", new PostFte(2.0m, 1.5m, 1.0m, 0.5m), new DateTimeOffset(2012, 12, 3, 10, 0, 0, TimeSpan.Zero));
        var resource = $"applications/{approved.ApplicationId}";
        var messageId = Guid.NewGuid();

        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString, approved, messageId);
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString, approved, messageId);
        var own = await Eventually.MatchesAsync(_ => ItemsAboutAsync(inbox, "municipality-05117", resource, Municipality("05117")), items => items.Count > 0,
            "the municipality's item arrives");
        var laki = await Eventually.MatchesAsync(_ => ItemsAboutAsync(inbox, "laki", resource, As(Roles.Laki)), items => items.Count > 0, "LaKI's item arrives");
        await Eventually.MatchesAsync(_ => TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM processed_messages WHERE message_id = '{messageId}'"), n => n == 1,
            "the message was handled");

        var item = Assert.Single(own);
        Assert.Equal(("Ihr Antrag ist bewilligt", "ki.applications.v1.ApplicationApproved"), (item.Subject, item.EventType));
        Assert.Contains("für Mülheim an der Ruhr: 2,0 Lehrerstellen, 1,5 Fachkräfte", item.Body);
        Assert.Equal("Antrag bewilligt: Mülheim an der Ruhr", Assert.Single(laki).Subject);
        Assert.Contains("am 3. Dezember 2012 bewilligt", laki[0].Body);
        Assert.Empty(await ItemsAboutAsync(inbox, "mais", resource, As(Roles.Mais)));
        Assert.Equal(2, await TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM inbox_items WHERE \"SubjectResource\" = '{resource}'"));
    }

    [Fact]
    public async Task The_owner_marks_items_read_one_or_all_and_no_one_else_may()
    {
        await using var host = await StartAsync();
        var inbox = new InboxService.InboxServiceClient(host.Channel);
        var grantId = Guid.NewGuid();
        var resource = $"grants/{grantId}";
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString,
            new GrantQueuedForBudget(grantId, "05122", "2013", Guid.NewGuid(), 17_000_000, 1_234_500, DateTimeOffset.UtcNow), Guid.NewGuid());
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString,
            new GrantIssued(grantId, "KI-2013-05122-01", "05122", "2013", Guid.NewGuid(), new DateOnly(2013, 1, 2), new DateOnly(2013, 2, 1), 11,
                9_166_667, 4_583_333, 1_833_333, 15_583_333, 2000, DateTimeOffset.UtcNow), Guid.NewGuid());
        var owner = Municipality("05122");
        var items = await Eventually.MatchesAsync(_ => ItemsAboutAsync(inbox, "municipality-05122", resource, owner), found => found.Count == 2,
            "both items of Solingen's grant arrive");
        var unreadBefore = (await inbox.GetUnreadCountAsync(new GetUnreadCountRequest { Parent = "recipients/municipality-05122" }, owner, cancellationToken: Ct)).UnreadCount_;
        var issued = items.Single(i => i.EventType == "ki.funding.v1.GrantIssued");

        var otherMunicipality = await Assert.ThrowsAsync<RpcException>(() =>
            inbox.MarkInboxItemReadAsync(new MarkInboxItemReadRequest { Name = issued.Name }, Municipality("05124"), cancellationToken: Ct).ResponseAsync);
        var ministry = await Assert.ThrowsAsync<RpcException>(() =>
            inbox.MarkInboxItemReadAsync(new MarkInboxItemReadRequest { Name = issued.Name }, As(Roles.Mais), cancellationToken: Ct).ResponseAsync);
        var read = await inbox.MarkInboxItemReadAsync(new MarkInboxItemReadRequest { Name = issued.Name }, owner, cancellationToken: Ct);
        var again = await inbox.MarkInboxItemReadAsync(new MarkInboxItemReadRequest { Name = issued.Name }, owner, cancellationToken: Ct);
        var unreadAfterOne = await ItemsAboutAsync(inbox, "municipality-05122", resource, owner, unreadOnly: true);
        var marked = await inbox.MarkAllInboxItemsReadAsync(new MarkAllInboxItemsReadRequest { Parent = "recipients/municipality-05122" }, owner, cancellationToken: Ct);
        var unreadAfterAll = await inbox.GetUnreadCountAsync(new GetUnreadCountRequest { Parent = "recipients/municipality-05122" }, owner, cancellationToken: Ct);

        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (otherMunicipality.StatusCode, otherMunicipality.ErrorInfo().Reason));
        Assert.Equal((StatusCode.PermissionDenied, "OTHER_RECIPIENT"), (ministry.StatusCode, ministry.ErrorInfo().Reason));
        Assert.Equal("Zuwendungsbescheid KI-2013-05122-01", read.Subject);
        Assert.Contains("155.833,33 EUR", read.Body);
        Assert.NotNull(read.ReadTime);
        Assert.Equal(read.ReadTime, again.ReadTime);
        Assert.Equal("ki.funding.v1.GrantQueuedForBudget", Assert.Single(unreadAfterOne).EventType);
        Assert.True(unreadBefore >= 2, $"{unreadBefore} unread before");
        Assert.Equal(unreadBefore - 1, marked.MarkedCount);
        Assert.Equal(0, unreadAfterAll.UnreadCount_);
    }

    [Fact]
    public async Task A_municipality_reads_no_other_inbox_and_an_unknown_item_is_not_found()
    {
        await using var host = await StartAsync();
        var inbox = new InboxService.InboxServiceClient(host.Channel);

        var other = await Assert.ThrowsAsync<RpcException>(() =>
            inbox.ListInboxItemsAsync(new ListInboxItemsRequest { Parent = "recipients/municipality-05124" }, Municipality("05122"), cancellationToken: Ct).ResponseAsync);
        var ministryInbox = await Assert.ThrowsAsync<RpcException>(() =>
            inbox.GetUnreadCountAsync(new GetUnreadCountRequest { Parent = "recipients/mais" }, Municipality("05122"), cancellationToken: Ct).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => inbox.MarkInboxItemReadAsync(
            new MarkInboxItemReadRequest { Name = $"recipients/municipality-05122/items/{Guid.NewGuid()}" }, Municipality("05122"), cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (other.StatusCode, other.ErrorInfo().Reason));
        Assert.Equal(StatusCode.PermissionDenied, ministryInbox.StatusCode);
        Assert.Equal((StatusCode.NotFound, "INBOX_ITEM_NOT_FOUND"), (missing.StatusCode, missing.ErrorInfo().Reason));
    }

    [Fact]
    public async Task An_event_of_a_type_no_rule_knows_is_set_aside_and_the_event_behind_it_is_noticed()
    {
        await using var host = await StartAsync();
        var inbox = new InboxService.InboxServiceClient(host.Channel);
        var unknownId = Guid.NewGuid();
        var requested = new DocumentsRequested(Guid.NewGuid(), "05754", "2013", "Der Ratsbeschluss fehlt.", new DateTimeOffset(2012, 10, 1, 9, 0, 0, TimeSpan.Zero));

        // Through the exchange the Notifications queue for DocumentsRequested is bound to, as an event type from a newer Applications.
        await ApprovalPublisher.PublishThroughAsync<DocumentsRequested>(servers.MessagingConnectionString,
            new { applicationId = Guid.NewGuid(), ags = "05754", hearingOn = "2013-02-01" }, "KiPlatform.IntegrationEvents.Applications:HearingScheduled", unknownId);
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, requested, Guid.NewGuid());
        var items = await Eventually.MatchesAsync(_ => ItemsAboutAsync(inbox, "municipality-05754", $"applications/{requested.ApplicationId}", Municipality("05754")),
            found => found.Count > 0, "the event behind the unknown one is noticed");

        Assert.Equal("ki.applications.v1.DocumentsRequested", Assert.Single(items).EventType);
        Assert.Equal(0, await TestDatabase.ScalarAsync(host.Database, $"SELECT count(*) FROM processed_messages WHERE message_id = '{unknownId}'"));
    }
}
