using Grpc.Core;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications.Inbox;

public sealed partial class InboxGrpcService
{
    private const int ReplayBatch = 100;

    private static readonly WriteOptions BufferedWrite = new(WriteFlags.BufferHint);

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
            // Caught up means every item committed before this call has been sent: the replay ends once each transaction
            // that had begun by the first look has ended. A fresh stream (no cursor) replays nothing.
            var replayEnd = given is null ? look.Horizon : look.NextTransaction;
            await context.WriteResponseHeadersAsync([]);
            var wait = FirstHorizonRetry;
            while (true)
            {
                cursor = await SendAsync(request.Parent, look, cursor, responseStream, cancellationToken);
                if (look.Released.Count < ReplayBatch)
                {
                    if (look.Horizon >= replayEnd)
                    {
                        break;
                    }

                    // An older transaction elsewhere in the database still runs: look again soon, a little later each time.
                    await watcher.WaitAsync(wait, cancellationToken);
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, pollInterval.Ticks));
                }

                look = await LookAsync(recipient, cursor, cancellationToken);
            }

            await responseStream.WriteAsync(new StreamInboxItemsResponse { CaughtUp = new CaughtUp(), Cursor = cursor.ToString() }, cancellationToken);
            wait = look.HeldBack ? FirstHorizonRetry : pollInterval;
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
        var mails = look.Released.Where(r => r.Mail is not null).ToDictionary(r => r.Item.Id, r => r.Mail!);
        for (var i = 0; i < look.Released.Count; i++)
        {
            var row = look.Released[i];
            cursor = new InboxCursor(row.TransactionId, row.Position);
            // The items of one look leave in one flush, the last one's.
            stream.WriteOptions = i < look.Released.Count - 1 ? BufferedWrite : null;
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
        var (horizon, next) = await db.Database
            .SqlQuery<Snapshot>($"SELECT pg_snapshot_xmin(s)::text::bigint AS \"Horizon\", pg_snapshot_xmax(s)::text::bigint AS \"NextTransaction\" FROM pg_current_snapshot() s")
            .SingleAsync(cancellationToken);
        if (after is not { } from)
        {
            return new Look(horizon, next, [], HeldBack: false);
        }

        // The row comparison walks the (recipient, transaction, position) index in order, whatever the table's statistics say.
        var items = await db.InboxItems
            .FromSql($"""SELECT * FROM inbox_items WHERE "RecipientId" = {recipient} AND ("TransactionId", "Position") > ({from.TransactionId}, {from.Position})""")
            .AsNoTracking()
            .OrderBy(i => EF.Property<long>(i, InboxCursor.TransactionColumn)).ThenBy(i => EF.Property<long>(i, InboxCursor.PositionColumn))
            .Take(ReplayBatch)
            // With its mail, if any, in the same round trip: a look's cost is what delays a live item.
            .GroupJoin(db.MailDeliveries.AsNoTracking(), i => i.Id, m => m.InboxItemId, (i, mails) => new { i, mails })
            .SelectMany(x => x.mails.DefaultIfEmpty(), (x, m) => new ReleasedItem(x.i, EF.Property<long>(x.i, InboxCursor.TransactionColumn), EF.Property<long>(x.i, InboxCursor.PositionColumn), m))
            .ToListAsync(cancellationToken);
        var released = items.OrderBy(i => i.TransactionId).ThenBy(i => i.Position).TakeWhile(i => i.TransactionId < horizon).ToList();
        return new Look(horizon, next, released, HeldBack: released.Count < items.Count);
    }

    /// <summary>The database's snapshot: every transaction below <paramref name="Horizon"/> has ended; none from <paramref name="NextTransaction"/> on had begun.</summary>
    private sealed record Snapshot(long Horizon, long NextTransaction);

    private sealed record Look(long Horizon, long NextTransaction, IReadOnlyList<ReleasedItem> Released, bool HeldBack);

    private sealed record ReleasedItem(InboxItem Item, long TransactionId, long Position, Delivery.MailDelivery? Mail);
}
