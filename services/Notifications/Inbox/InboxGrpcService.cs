using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications.Inbox;

public sealed class InboxGrpcService(NotificationsDbContext db, KeysetPaging paging) : InboxService.InboxServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override async Task<ListInboxItemsResponse> ListInboxItems(ListInboxItemsRequest request, ServerCallContext context)
    {
        var recipient = RecipientName.ParseRecipientId(request.Parent, "parent");
        context.Caller().EnsureMayRead(recipient);
        var query = new PageQuery(request.PageSize, request.PageToken, $"{context.Method}|{request.Parent}", DefaultPageSize, MaxPageSize);
        var page = await paging.NewestFirstAsync(
            db.InboxItems.AsNoTracking().Where(i => i.RecipientId == recipient), query, i => i.CreatedAt, i => i.Id, context.CancellationToken);

        return new ListInboxItemsResponse
        {
            Items =
            {
                page.Items.Select(i => new V1.InboxItem
                {
                    Name = $"{request.Parent}/items/{i.Id}",
                    Subject = i.Subject,
                    Body = i.Body,
                    EventType = i.EventType,
                    CreateTime = Timestamp.FromDateTimeOffset(i.CreatedAt),
                }),
            },
            NextPageToken = page.NextPageToken,
        };
    }
}
