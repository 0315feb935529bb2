using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Notifications.V1;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications.Inbox;

public sealed class InboxGrpcService(NotificationsDbContext db) : InboxService.InboxServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override async Task<ListInboxItemsResponse> ListInboxItems(ListInboxItemsRequest request, ServerCallContext context)
    {
        var recipient = RecipientName.ParseRecipientId(request.Parent, "parent");
        if (request.PageSize is < 0 or > MaxPageSize)
        {
            throw RpcErrors.InvalidArgument("page_size", $"Must be between 0 and {MaxPageSize}; 0 means {DefaultPageSize}.", "PAGE_SIZE_OUT_OF_RANGE");
        }

        var items = await db.InboxItems.AsNoTracking()
            .Where(i => i.RecipientId == recipient)
            .OrderByDescending(i => i.CreatedAt)
            .Take(request.PageSize == 0 ? DefaultPageSize : request.PageSize)
            .ToListAsync(context.CancellationToken);

        return new ListInboxItemsResponse
        {
            Items =
            {
                items.Select(i => new V1.InboxItem
                {
                    Name = $"{request.Parent}/items/{i.Id}",
                    Subject = i.Subject,
                    Body = i.Body,
                    EventType = i.EventType,
                    CreateTime = Timestamp.FromDateTimeOffset(i.CreatedAt),
                }),
            },
        };
    }
}
