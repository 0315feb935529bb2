using KiPlatform.Messaging;
using KiPlatform.Rpc.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Integration.Tests.Rpc;

public sealed class StoredWidget
{
    public long Id { get; init; }

    public required string Ags { get; init; }

    public required string DisplayName { get; set; }

    public int Size { get; set; }

    public uint Version { get; init; }
}

/// <summary>A service database with a resource that takes commands, the idempotency records and the outbox.</summary>
public sealed class WidgetDbContext(DbContextOptions<WidgetDbContext> options) : DbContext(options)
{
    public DbSet<StoredWidget> Widgets => Set<StoredWidget>();

    public static DbContextOptions<WidgetDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<WidgetDbContext>().UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()).Options;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredWidget>(widget =>
        {
            widget.ToTable("widgets");
            widget.Property(w => w.Version).IsRowVersion();
            widget.HasIndex(w => new { w.Ags, w.Id });
        });
        modelBuilder.AddIdempotencyRecords().AddMessagingTables();
    }
}

/// <summary>The event the widget commands raise through the outbox.</summary>
public sealed record WidgetCreated(long WidgetId, string Ags);
