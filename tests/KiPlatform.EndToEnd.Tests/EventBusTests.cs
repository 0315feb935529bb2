using KiPlatform.Rpc.Security;
using KiPlatform.Notifications.V1;

namespace KiPlatform.EndToEnd.Tests;

public sealed class EventBusTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_event_published_by_applications_is_consumed_by_notifications()
    {
        var inbox = new InboxService.InboxServiceClient(platform.Channel("notifications", Roles.Laki));

        // Applications publishes MunicipalitiesSeeded once it has loaded the 54 municipalities into its fresh database;
        // Notifications turns it into an item in LaKI's inbox.
        var item = await Eventually.MatchesAsync(async cancellationToken =>
        {
            var response = await inbox.ListInboxItemsAsync(new ListInboxItemsRequest { Parent = "recipients/laki" }, cancellationToken: cancellationToken);
            return response.Items.FirstOrDefault(i => i.EventType == "ki.applications.v1.MunicipalitiesSeeded");
        }, found => found is not null, "LaKI's inbox tells of the seeded municipalities", TimeSpan.FromSeconds(60));

        Assert.Contains("54", item!.Body, StringComparison.Ordinal);
        Assert.StartsWith("recipients/laki/items/", item.Name, StringComparison.Ordinal);
    }
}
