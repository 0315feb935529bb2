using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KiPlatform.Messaging.Deduplication;

/// <summary>
/// What one consumer run left in its DbContext, lifted out of it so that another context can save it: the entities it
/// added, and the loaded ones they may refer to. Only a run that changed or deleted nothing qualifies; an update carries
/// its own concurrency check and commits alone.
/// </summary>
internal sealed class PendingInserts
{
    private readonly List<Captured> _unchanged;
    private readonly List<Captured> _added;

    private PendingInserts(List<Captured> unchanged, List<Captured> added)
    {
        _unchanged = unchanged;
        _added = added;
    }

    /// <summary>Entities to insert, the processed-message record among them.</summary>
    public int Count => _added.Count;

    /// <returns>Null when the context holds a modified or deleted entity, or an entity that cannot be re-attached by itself.</returns>
    public static PendingInserts? Capture(DbContext db)
    {
        var unchanged = new List<Captured>();
        var added = new List<Captured>();
        foreach (var entry in db.ChangeTracker.Entries()) // detects changes first
        {
            // An owned or shared-type entity is identified through its owner, not by its object alone.
            if (entry.Metadata.IsOwned() || entry.Metadata.HasSharedClrType)
            {
                return null;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    added.Add(Captured.From(entry));
                    break;
                case EntityState.Unchanged:
                    unchanged.Add(Captured.From(entry));
                    break;
                default:
                    return null;
            }
        }

        return new PendingInserts(unchanged, added);
    }

    /// <summary>
    /// Tracks the captured entities in <paramref name="db"/>: loaded ones as loaded (so an added entity referring to one
    /// does not insert it again), then the added ones.
    /// </summary>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> already tracks another object with a captured key.</exception>
    public void AddTo(DbContext db)
    {
        foreach (var loaded in _unchanged)
        {
            var entry = db.Entry(loaded.Entity);
            entry.State = EntityState.Unchanged;
            foreach (var (name, value) in loaded.ShadowValues)
            {
                var property = entry.Property(name);
                property.CurrentValue = value;
                property.OriginalValue = value;
                property.IsModified = false;
            }
        }

        foreach (var inserted in _added)
        {
            var entry = db.Entry(inserted.Entity);
            entry.State = EntityState.Added;
            foreach (var (name, value) in inserted.ShadowValues)
            {
                entry.Property(name).CurrentValue = value;
            }
        }
    }

    /// <summary>An entity object and the values EF keeps for it outside the object (shadow properties).</summary>
    private sealed record Captured(object Entity, (string Name, object? Value)[] ShadowValues)
    {
        // A temporary value (a key the database will generate, or a foreign key to one) is left for the new context to
        // generate and fix up from the navigations again.
        public static Captured From(EntityEntry entry) => new(
            entry.Entity,
            entry.Properties
                .Where(p => p.Metadata.IsShadowProperty() && !p.IsTemporary)
                .Select(p => (p.Metadata.Name, p.CurrentValue))
                .ToArray());
    }
}
