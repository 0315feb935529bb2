using KiPlatform.Messaging.Deduplication;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Services.Tests.Messaging;

/// <summary>Lifting a consumer's inserts out of its context into another; change tracking only, no database.</summary>
public sealed class PendingInsertsTests
{
    [Fact]
    public void Added_entities_move_with_their_shadow_values_and_loaded_ones_they_refer_to_stay_unchanged()
    {
        using var source = Shelf.Create();
        var loaded = new Box { Id = 7, Label = "loaded" };
        source.Attach(loaded);
        var added = new Item { Id = 1, Name = "new", Box = loaded };
        source.Add(added);
        source.Entry(added).Property(Shelf.NoteProperty).CurrentValue = "kept outside the object";

        var inserts = PendingInserts.Capture(source);

        Assert.NotNull(inserts);
        Assert.Equal(1, inserts.Count);
        using var target = Shelf.Create();
        inserts.AddTo(target);
        Assert.Equal(EntityState.Added, target.Entry(added).State);
        Assert.Equal("kept outside the object", target.Entry(added).Property(Shelf.NoteProperty).CurrentValue);
        Assert.Equal(7, target.Entry(added).Property<int?>("BoxId").CurrentValue);
        Assert.Equal(EntityState.Unchanged, target.Entry(loaded).State);
        target.ChangeTracker.DetectChanges();
        Assert.Equal(EntityState.Unchanged, target.Entry(loaded).State);
    }

    [Fact]
    public void A_run_that_modified_an_entity_is_not_captured()
    {
        using var source = Shelf.Create();
        var box = new Box { Id = 7, Label = "loaded" };
        source.Attach(box);
        source.Add(new Item { Id = 1, Name = "new" });
        box.Label = "changed";

        Assert.Null(PendingInserts.Capture(source));
    }

    [Fact]
    public void A_run_that_deleted_an_entity_is_not_captured()
    {
        using var source = Shelf.Create();
        var box = new Box { Id = 7, Label = "loaded" };
        source.Attach(box);
        source.Remove(box);

        Assert.Null(PendingInserts.Capture(source));
    }

    [Fact]
    public void Another_object_with_a_captured_key_already_in_the_target_is_refused()
    {
        using var source = Shelf.Create();
        source.Attach(new Box { Id = 7, Label = "one message's copy" });
        var inserts = PendingInserts.Capture(source)!;
        using var target = Shelf.Create();
        target.Attach(new Box { Id = 7, Label = "another message's copy" });

        Assert.Throws<InvalidOperationException>(() => inserts.AddTo(target));
    }

    public sealed class Box
    {
        public int Id { get; init; }

        public string Label { get; set; } = "";
    }

    public sealed class Item
    {
        public int Id { get; init; }

        public string Name { get; init; } = "";

        public Box? Box { get; init; }
    }

    private sealed class Shelf(DbContextOptions<Shelf> options) : DbContext(options)
    {
        public const string NoteProperty = "Note";

        // Change tracking needs a provider's model, never a connection: nothing here opens one.
        public static Shelf Create() => new(new DbContextOptionsBuilder<Shelf>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Box>().Property(b => b.Id).ValueGeneratedNever();
            modelBuilder.Entity<Item>(item =>
            {
                item.Property(i => i.Id).ValueGeneratedNever();
                item.Property<string>(NoteProperty);
                item.HasOne(i => i.Box).WithMany().HasForeignKey("BoxId");
            });
        }
    }
}
