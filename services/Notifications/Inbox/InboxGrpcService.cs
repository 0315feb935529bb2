using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications.Inbox;

public sealed class InboxGrpcService(NotificationsDbContext db, PageTokens pageTokens) : InboxService.InboxServiceBase
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override async Task<ListInboxItemsResponse> ListInboxItems(ListInboxItemsRequest request, ServerCallContext context)
    {
        var recipient = RecipientName.ParseRecipientId(request.Parent, "parent");
        context.Caller().EnsureMayRead(recipient);
        var query = $"{context.Method}|{request.Parent}";
        var page = pageTokens.Read(request.PageSize, request.PageToken, query, DefaultPageSize, MaxPageSize);

        var items = db.InboxItems.AsNoTracking().Where(i => i.RecipientId == recipient);
        if (page.Cursor is not null)
        {
            var (createdAt, id) = TimeOrderedCursor.Parse(page.Cursor);
            // Keyset paging: items arriving meanwhile neither shift nor repeat the pages still to come.
            items = items.Where(i => EF.Functions.LessThan(ValueTuple.Create(i.CreatedAt, i.Id), ValueTuple.Create(createdAt, id)));
        }

        var found = await items
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Take(page.Size + 1)
            .ToListAsync(context.CancellationToken);
        var pageItems = found.Take(page.Size).ToList();

        return new ListInboxItemsResponse
        {
            Items =
            {
                pageItems.Select(i => new V1.InboxItem
                {
                    Name = $"{request.Parent}/items/{i.Id}",
                    Subject = i.Subject,
                    Body = i.Body,
                    EventType = i.EventType,
                    CreateTime = Timestamp.FromDateTimeOffset(i.CreatedAt),
                }),
            },
            NextPageToken = found.Count > page.Size ? pageTokens.Next(query, TimeOrderedCursor.Format(pageItems[^1].CreatedAt, pageItems[^1].Id)) : "",
        };
    }
}
