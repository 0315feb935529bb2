namespace KiPlatform.Messaging.Deduplication;

/// <summary>Runs a consumer's work at most once per message, in one database transaction with the processed-message record.</summary>
public interface IMessageDeduplication
{
    /// <param name="handle">The consumer: its effects are its changes to the service's DbContext (and outbox), saved here.</param>
    /// <returns>False when the message had already been handled; whatever <paramref name="handle"/> changed is discarded.</returns>
    Task<bool> HandleOnceAsync(Guid messageId, string consumer, Func<Task> handle, CancellationToken cancellationToken);
}
