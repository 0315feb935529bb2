using Grpc.Core;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications.Inbox;

public sealed partial class InboxGrpcService
{
    private const int ReplayBatch = 100;

    /// <summary>How soon a stream looks again at items committed but still above the horizon (an older transaction runs).</summary>
    private static readonly TimeSpan FirstHorizonRetry = TimeSpan.FromMilliseconds(10);

    public override async Task StreamInboxItems(StreamInboxItemsRequest request, IServerStreamWriter<StreamInboxItemsResponse> responseStream, ServerCallContext context)
    {
        var recipient = RecipientName.ParseRecipientId(request.Parent, "parent");
        context.Caller().EnsureMayRead(recipient, ownerOnly: true);
        InboxCursor? given = InboxCursor.TryParse(request.Cursor, out var parsed) ? parsed : null; // validated: empty or well-formed
        var cancellationToken = context.CancellationToken;
        var pollInterval = options.Value.StreamPollInterval;
        // Watching before the first look: an item committed after it wakes the stream; one committed before, the look finds.
        using var watcher = wakeUps.Watch(recipient);
        using var subscriber = metrics.LiveSubscriber();
        try
        {
            var look = await LookAsync(recipient, given, cancellationToken);
            var cursor = given ?? InboxCursor.Below(look.Horizon);
            await context.WriteResponseHeadersAsync([]);
            // The replay: what arrived since the cursor, a batch at a time, then the word that the stream is live.
            while (true)
            {
                cursor = await SendAsync(request.Parent, look, cursor, responseStream, cancellationToken);
                if (look.Released.Count < ReplayBatch)
                {
                    break;
                }

                look = await LookAsync(recipient, cursor, cancellationToken);
            }

            await responseStream.WriteAsync(new StreamInboxItemsResponse { CaughtUp = new CaughtUp(), Cursor = cursor.ToString() }, cancellationToken);
            var wait = look.HeldBack ? FirstHorizonRetry : pollInterval;
            while (true)
            {
                await watcher.WaitAsync(wait, cancellationToken);
                look = await LookAsync(recipient, cursor, cancellationToken);
                cursor = await SendAsync(request.Parent, look, cursor, responseStream, cancellationToken);
                // Items of this inbox committed but held back by an older transaction: look again soon, a little later each
                // time, rather than wait for a wake-up their commit already spent.
                wait = !look.HeldBack ? pollInterval
                    : wait == pollInterval ? FirstHorizonRetry
                    : TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, pollInterval.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller hung up or its deadline passed: the stream ends there.
        }
    }

    private async Task<InboxCursor> SendAsync(string parent, Look look, InboxCursor cursor, IServerStreamWriter<StreamInboxItemsResponse> stream, CancellationToken cancellationToken)
    {
        var mails = look.Released.Count == 0 ? [] : await MailsOfAsync([.. look.Released.Select(r => r.Item)], cancellationToken);
        foreach (var row in look.Released)
        {
            cursor = new InboxCursor(row.TransactionId, row.Position);
            await stream.WriteAsync(new StreamInboxItemsResponse { Item = ToContract(parent, row.Item, mails), Cursor = cursor.ToString() }, cancellationToken);
            metrics.Delivered(NotificationMetrics.LiveChannel);
        }

        return cursor;
    }

    /// <summary>
    /// The items after <paramref name="after"/> whose transactions lie below the horizon, oldest first. The horizon is read
    /// first: every transaction below it had ended by then, so the items read after it are all there is below it.
    /// </summary>
    private async Task<Look> LookAsync(string recipient, InboxCursor? after, CancellationToken cancellationToken)
    {
        var horizon = await db.Database.SqlQuery<long>($"SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS \"Value\"").SingleAsync(cancellationToken);
        if (after is not { } from)
        {
            return new Look(horizon, [], HeldBack: false);
        }

        var items = await db.InboxItems.AsNoTracking()
            .Where(i => i.RecipientId == recipient)
            .Where(i => EF.Property<long>(i, InboxCursor.TransactionColumn) > from.TransactionId
                || (EF.Property<long>(i, InboxCursor.TransactionColumn) == from.TransactionId && EF.Property<long>(i, InboxCursor.PositionColumn) > from.Position))
            .OrderBy(i => EF.Property<long>(i, InboxCursor.TransactionColumn)).ThenBy(i => EF.Property<long>(i, InboxCursor.PositionColumn))
            .Take(ReplayBatch)
            .Select(i => new ReleasedItem(i, EF.Property<long>(i, InboxCursor.TransactionColumn), EF.Property<long>(i, InboxCursor.PositionColumn)))
            .ToListAsync(cancellationToken);
        var released = items.TakeWhile(i => i.TransactionId < horizon).ToList();
        return new Look(horizon, released, HeldBack: released.Count < items.Count);
    }

    private sealed record Look(long Horizon, IReadOnlyList<ReleasedItem> Released, bool HeldBack);

    private sealed record ReleasedItem(InboxItem Item, long TransactionId, long Position);
}
