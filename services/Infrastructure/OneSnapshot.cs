using System.Data;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Infrastructure;

/// <summary>
/// A split query reads an aggregate's collections in statements of their own. Outside a transaction each statement sees
/// the database as it is then, so a row committed between them tears the result: on a page of plans read while another
/// plan is created, the last plan came back without its periods. Reads that split therefore run in one snapshot
/// (REPEATABLE READ); inside a transaction already open they run in that.
/// </summary>
public static class OneSnapshot
{
    public static Task<T> ReadInOneSnapshotAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null
            ? read(cancellationToken)
            : db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
                var result = await read(ct);
                await transaction.CommitAsync(ct);
                return result;
            }, cancellationToken);
}
