using KiPlatform.Infrastructure;
using KiPlatform.Infrastructure.Live;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Notifications.Delivery;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KiPlatform.Notifications.Inbox;

/// <summary>A recipient's inbox: listed (all or unread), counted, marked read by its owner, and streamed to it live.</summary>
public sealed partial class InboxGrpcService(NotificationsDbContext db, KeysetPaging paging, LiveWakeUps wakeUps, NotificationMetrics metrics, IOptions<InboxOptions> options, TimeProvider clock)
    : InboxService.InboxServiceBase
{
    public const string ItemNotFoundReason = "INBOX_ITEM_NOT_FOUND";
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public override async Task<ListInboxItemsResponse> ListInboxItems(ListInboxItemsRequest request, ServerCallContext context)
    {
        var recipient = RecipientName.ParseRecipientId(request.Parent, "parent");
        context.Caller().EnsureMayRead(recipient);
        var items = db.InboxItems.AsNoTracking().Where(i => i.RecipientId == recipient);
        if (request.UnreadOnly)
        {
            items = items.Where(i => i.ReadAt == null);
        }

        var query = new PageQuery(request.PageSize, request.PageToken, $"{context.Method}|{request.Parent}|{request.UnreadOnly}", DefaultPageSize, MaxPageSize);
        var page = await paging.NewestFirstAsync(items, query, i => i.CreatedAt, i => i.Id, context.CancellationToken);
        var mails = await MailsOfAsync(page.Items, context.CancellationToken);
        return new ListInboxItemsResponse { Items = { page.Items.Select(i => ToContract(request.Parent, i, mails)) }, NextPageToken = page.NextPageToken };
    }

    public override async Task<UnreadCount> GetUnreadCount(GetUnreadCountRequest request, ServerCallContext context)
    {
        var recipient = RecipientName.ParseRecipientId(request.Parent, "parent");
        context.Caller().EnsureMayRead(recipient);
        var count = await db.InboxItems.CountAsync(i => i.RecipientId == recipient && i.ReadAt == null, context.CancellationToken);
        return new UnreadCount { Parent = request.Parent, UnreadCount_ = count };
    }

    public override async Task<V1.InboxItem> MarkInboxItemRead(MarkInboxItemReadRequest request, ServerCallContext context)
    {
        var (recipient, itemId) = RecipientName.ParseItem(request.Name, "name");
        context.Caller().EnsureMayRead(recipient, ownerOnly: true);
        var item = await db.InboxItems.SingleOrDefaultAsync(i => i.Id == itemId && i.RecipientId == recipient, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, ItemNotFoundReason);
        if (item.MarkRead(clock.GetDatabaseNow()))
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }

        return ToContract($"recipients/{recipient}", item, await MailsOfAsync([item], context.CancellationToken));
    }

    public override async Task<MarkAllInboxItemsReadResponse> MarkAllInboxItemsRead(MarkAllInboxItemsReadRequest request, ServerCallContext context)
    {
        var recipient = RecipientName.ParseRecipientId(request.Parent, "parent");
        context.Caller().EnsureMayRead(recipient, ownerOnly: true);
        var now = clock.GetDatabaseNow();
        // One statement: what arrives meanwhile stays unread, and nothing read before gets a later time.
        var marked = await db.InboxItems.Where(i => i.RecipientId == recipient && i.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ReadAt, now), context.CancellationToken);
        return new MarkAllInboxItemsReadResponse { MarkedCount = marked };
    }

    /// <summary>The mails of <paramref name="items"/>, by inbox item, for those that have one.</summary>
    private async Task<Dictionary<Guid, Delivery.MailDelivery>> MailsOfAsync(IReadOnlyCollection<InboxItem> items, CancellationToken cancellationToken)
    {
        var ids = items.Select(i => i.Id).ToList();
        return await db.MailDeliveries.AsNoTracking().Where(m => ids.Contains(m.InboxItemId)).ToDictionaryAsync(m => m.InboxItemId, cancellationToken);
    }

    private static V1.InboxItem ToContract(string parent, InboxItem item, Dictionary<Guid, Delivery.MailDelivery> mails) => new()
    {
        Name = $"{parent}/items/{item.Id}",
        Subject = item.Subject,
        Body = item.Body,
        EventType = item.EventType,
        CreateTime = Timestamp.FromDateTimeOffset(item.CreatedAt),
        ReadTime = item.ReadAt is { } read ? Timestamp.FromDateTimeOffset(read) : null,
        SubjectResource = item.SubjectResource,
        Mail = mails.GetValueOrDefault(item.Id) is { } mail ? ToContract(mail) : null,
    };

    private static V1.MailDelivery ToContract(Delivery.MailDelivery mail) => new()
    {
        State = mail.Status switch
        {
            MailStatus.Pending => MailDeliveryState.Pending,
            MailStatus.Sent => MailDeliveryState.Sent,
            _ => MailDeliveryState.Failed,
        },
        Attempts = mail.Attempts,
        LastError = mail.LastError ?? "",
        SentTime = mail.SentAt is { } sent ? Timestamp.FromDateTimeOffset(sent) : null,
        NextAttemptTime = mail.Status == MailStatus.Pending ? Timestamp.FromDateTimeOffset(mail.NextAttemptAt) : null,
        HasAttachment = mail.AttachedNoticeOf is not null,
    };
}
