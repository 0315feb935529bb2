namespace KiPlatform.Notifications.Inbox;

/// <summary>One thing a recipient (a municipality, MAIS, MSW, LaKI or admin) has been told.</summary>
public sealed class InboxItem
{
    private InboxItem()
    {
    }

    public Guid Id { get; private init; }
    public string RecipientId { get; private init; } = "";
    public string Subject { get; private init; } = "";
    public string Body { get; private init; } = "";

    /// <summary>The integration event that caused the item, by its contract name.</summary>
    public string EventType { get; private init; } = "";

    /// <summary>The resource the item is about (<c>applications/…</c>, <c>grants/…</c>), or empty.</summary>
    public string SubjectResource { get; private init; } = "";

    /// <summary>The bus message the item was made from; one message makes at most one item per recipient.</summary>
    public Guid SourceMessageId { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>When the recipient marked it read; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public static InboxItem Create(string recipientId, string subject, string body, string eventType, string subjectResource, Guid sourceMessageId, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(), RecipientId = recipientId, Subject = subject, Body = body, EventType = eventType,
            SubjectResource = subjectResource, SourceMessageId = sourceMessageId, CreatedAt = now,
        };

    /// <returns>Whether this call marked it; an item read already keeps the time it was first read.</returns>
    public bool MarkRead(DateTimeOffset now)
    {
        if (ReadAt is not null)
        {
            return false;
        }

        ReadAt = now;
        return true;
    }
}
