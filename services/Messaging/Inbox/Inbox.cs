using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Messaging.Inbox;

/// <summary>The inbox in <typeparamref name="TContext"/>: the consumer's changes to that context commit with the record.</summary>
internal sealed class Inbox<TContext>(TContext db, TimeProvider clock) : IInbox where TContext : DbContext
{
    public Task<bool> HandleOnceAsync(Guid messageId, string consumer, Func<Task> handle, CancellationToken cancellationToken) =>
        // Should the commit's outcome be unknown after a transient fault, the strategy's re-run finds the record if it
        // did commit, and skips the handler.
        db.Database.CreateExecutionStrategy().ExecuteAsync(ct => HandleInTransactionAsync(messageId, consumer, handle, ct), cancellationToken);

    private async Task<bool> HandleInTransactionAsync(Guid messageId, string consumer, Func<Task> handle, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // A concurrent delivery of the same message blocks on this row until the first commits or rolls back, so
            // two deliveries never both run the handler.
            var recorded = await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO processed_messages (message_id, consumer, processed_at)
                VALUES ({messageId}, {consumer}, {clock.GetUtcNow()})
                ON CONFLICT DO NOTHING
                """,
                cancellationToken);
            if (recorded == 0)
            {
                return false;
            }

            await handle();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            // A failed attempt leaves nothing tracked for the retry that runs in the same scope.
            db.ChangeTracker.Clear();
        }
    }
}
