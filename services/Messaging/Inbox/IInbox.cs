namespace KiPlatform.Messaging.Inbox;

/// <summary>Runs a consumer's work at most once per message, in one database transaction with the inbox record.</summary>
public interface IInbox
{
    /// <returns>False when the message had already been handled and <paramref name="handle"/> did not run.</returns>
    Task<bool> HandleOnceAsync(Guid messageId, string consumer, Func<Task> handle, CancellationToken cancellationToken);
}
