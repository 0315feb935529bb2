using KiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding;

/// <summary>
/// One round of scheduled work in a scope and transaction of its own: the rows it claims, what it changes and the
/// events it announces commit together, or not at all.
/// </summary>
internal static class RoundTransaction
{
    public static async Task<T> RunAsync<T>(
        IServiceScopeFactory scopes, Func<FundingDbContext, EventOutbox<FundingDbContext>, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FundingDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<EventOutbox<FundingDbContext>>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(db, outbox, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }
}
