using KiPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Integration.Tests.Messaging;

/// <summary>A service database in miniature: one table of effects plus the outbox and processed-message tables.</summary>
public sealed class ProbeDbContext(DbContextOptions<ProbeDbContext> options) : DbContext(options)
{
    public DbSet<Receipt> Receipts => Set<Receipt>();

    public static DbContextOptions<ProbeDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<ProbeDbContext>().UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()).Options;

    /// <summary>Creates the schema as a service's migrations would.</summary>
    public static async Task CreateSchemaAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var db = new ProbeDbContext(Options(connectionString));
        await db.Database.EnsureCreatedAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One receipt of a kind per probe: a second one is an effect the database refuses.
        modelBuilder.Entity<Receipt>().ToTable("receipts").HasIndex(r => new { r.Run, r.Sequence, r.Kind }).IsUnique();
        modelBuilder.AddMessagingTables();
    }
}
