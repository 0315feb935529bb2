using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KiPlatform.Messaging.Deduplication;

/// <summary>Message deduplication in <typeparamref name="TContext"/>: the consumer's changes to that context commit with the record.</summary>
internal sealed class MessageDeduplication<TContext>(TContext db, ConsumerGroupCommit<TContext> group, AfterCommit afterCommit, TimeProvider clock) : IMessageDeduplication where TContext : DbContext
{
    private const string UniqueViolation = "23505";
    private const string RecordKey = "PK_processed_messages";

    public Task<bool> HandleOnceAsync(Guid messageId, string consumer, Func<Task> handle, CancellationToken cancellationToken) =>
        // Should the commit's outcome be unknown after a transient fault, the strategy's re-run meets the record if it
        // did commit, and counts the message as handled.
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => HandleInOneSaveAsync(messageId, consumer, handle, ct), cancellationToken);

    /// <summary>
    /// The record and the consumer's changes go to the database in one transaction: with those of other messages handled
    /// at the same moment when the consumer only inserted (<see cref="ConsumerGroupCommit{TContext}"/>), else in one
    /// SaveChanges of their own. A message handled before fails on the record's key; so does a copy delivered
    /// concurrently, once the first commits (PostgreSQL makes the second insert wait for it). Either way nothing of the
    /// repeat remains.
    /// </summary>
    private async Task<bool> HandleInOneSaveAsync(Guid messageId, string consumer, Func<Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            await RunConsumerAsync(messageId, consumer, handle);
            if (group.Enabled && PendingInserts.Capture(db) is { } inserts)
            {
                db.ChangeTracker.Clear();
                if (await group.CommitAsync(inserts, cancellationToken))
                {
                    return true;
                }

                // Its group could not commit: this message commits alone, from a fresh run of its consumer, and meets
                // its record's key if it was the one handled before.
                await RunConsumerAsync(messageId, consumer, handle);
            }

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

    /// <summary>Runs the consumer on an empty change tracker, with the processed-message record already added.</summary>
    private async Task RunConsumerAsync(Guid messageId, string consumer, Func<Task> handle)
    {
        db.ChangeTracker.Clear();
        afterCommit.Clear();
        db.Set<ProcessedMessage>().Add(new ProcessedMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
        await handle();
    }
}
