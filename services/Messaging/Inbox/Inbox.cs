using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KiPlatform.Messaging.Inbox;

/// <summary>The inbox in <typeparamref name="TContext"/>: the consumer's changes to that context commit with the record.</summary>
internal sealed class Inbox<TContext>(TContext db, TimeProvider clock) : IInbox where TContext : DbContext
{
    private const string UniqueViolation = "23505";
    private const string RecordKey = "PK_processed_messages";

    public Task<bool> HandleOnceAsync(Guid messageId, string consumer, Func<Task> handle, CancellationToken cancellationToken) =>
        // Should the commit's outcome be unknown after a transient fault, the strategy's re-run meets the record if it
        // did commit, and counts the message as handled.
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => HandleInOneSaveAsync(messageId, consumer, handle, ct), cancellationToken);

    /// <summary>
    /// The record and the consumer's changes go to the database in one SaveChanges, so in one transaction and one
    /// round trip. A message handled before fails on the record's key; so does a copy delivered concurrently, once
    /// the first commits (PostgreSQL makes the second insert wait for it). Either way nothing of the repeat remains.
    /// </summary>
    private async Task<bool> HandleInOneSaveAsync(Guid messageId, string consumer, Func<Task> handle, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            db.Set<ProcessedMessage>().Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
            await handle();
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation, ConstraintName: RecordKey })
        {
            return false;
        }
        finally
        {
            // A failed attempt leaves nothing tracked for the retry that runs in the same scope.
            db.ChangeTracker.Clear();
        }
    }
}
