using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Infrastructure;

/// <summary>Reference data a service ships with (municipalities, funding periods), loaded into its own database.</summary>
public static class ReferenceData
{
    /// <summary>Serialises seeding across instances that start at the same moment; each service has its own database.</summary>
    private const long SeedLockKey = 0x4B49_5345_4544; // "KISEED"

    /// <summary>
    /// Adds the shipped rows whose key the table lacks and leaves existing rows alone, in one transaction under an
    /// advisory lock, so every start of every instance may run it. <paramref name="beforeCommit"/> sees (added, total)
    /// and may add more to the context (an outbox event), which then commits in the same transaction.
    /// </summary>
    public static async Task<(int Added, int Total)> AddMissingAsync<TEntity, TKey>(
        this DbContext db,
        IReadOnlyCollection<TEntity> shipped,
        Expression<Func<TEntity, TKey>> key,
        Action<int, int>? beforeCommit,
        CancellationToken cancellationToken)
        where TEntity : class
    {
        var keyOf = key.Compile();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SeedLockKey})", ct);
            var known = await db.Set<TEntity>().Select(key).ToHashSetAsync(ct);
            var missing = shipped.Where(row => !known.Contains(keyOf(row))).ToList();
            db.Set<TEntity>().AddRange(missing);
            beforeCommit?.Invoke(missing.Count, known.Count + missing.Count);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (missing.Count, known.Count + missing.Count);
        }, cancellationToken);
    }
}
