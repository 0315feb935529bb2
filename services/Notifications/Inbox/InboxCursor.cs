using System.Globalization;

namespace KiPlatform.Notifications.Inbox;

/// <summary>
/// Where a live stream of an inbox stands: the last item it sent, by the id of the transaction that wrote the item and
/// the item's position. A stream sends an item only once every transaction older than the item's has ended (below the
/// database's snapshot horizon, <c>pg_snapshot_xmin</c>), so no item can later appear behind a cursor already handed out:
/// items committed out of the order their positions were drawn in are still sent in a gap-free order.
/// </summary>
public readonly record struct InboxCursor(long TransactionId, long Position)
{
    public const string TransactionColumn = "TransactionId";
    public const string PositionColumn = "Position";
    public const string MalformedReason = "CURSOR_MALFORMED";

    /// <summary>Before every item of a transaction that had not ended below <paramref name="horizon"/>.</summary>
    public static InboxCursor Below(long horizon) => new(horizon - 1, long.MaxValue);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TransactionId}.{Position}");

    /// <summary>Reads a cursor as <see cref="ToString"/> wrote it; the request validator refuses any other text.</summary>
    public static bool TryParse(string text, out InboxCursor cursor)
    {
        var parts = text.Split('.');
        cursor = default;
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return false;
        }

        cursor = new InboxCursor(transaction, position);
        return true;
    }
}
