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
        // Other tests fill LaKI's inbox meanwhile (newest first): the whole inbox is read, page by page.
        var item = await Eventually.MatchesAsync(async cancellationToken =>
        {
            var request = new ListInboxItemsRequest { Parent = "recipients/laki", PageSize = 100 };
            do
            {
                var response = await inbox.ListInboxItemsAsync(request, cancellationToken: cancellationToken);
                if (response.Items.FirstOrDefault(i => i.EventType == "ki.applications.v1.MunicipalitiesSeeded") is { } seeded)
                {
                    return seeded;
                }

                request.PageToken = response.NextPageToken;
            }
            while (request.PageToken.Length > 0);
            return null;
        }, found => found is not null, "LaKI's inbox tells of the seeded municipalities", TimeSpan.FromSeconds(60));

        Assert.Contains("54", item!.Body, StringComparison.Ordinal);
        Assert.StartsWith("recipients/laki/items/", item.Name, StringComparison.Ordinal);
    }
}
