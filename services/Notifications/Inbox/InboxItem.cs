namespace KiPlatform.Notifications.Inbox;

/// <summary>One thing a recipient (a municipality, MAIS, MSW or LaKI) has been told.</summary>
public sealed class InboxItem
{
    public Guid Id { get; init; }
    public required string RecipientId { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }

    /// <summary>The integration event that caused the item, by its contract name.</summary>
    public required string EventType { get; init; }

    /// <summary>The bus message the item was made from; one message makes at most one item per recipient.</summary>
    public required Guid SourceMessageId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
