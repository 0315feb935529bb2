using KiPlatform.Staffing.PostPlans;
using KiPlatform.Messaging;
using KiPlatform.Rpc.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Staffing;

public sealed class StaffingDbContext(DbContextOptions<StaffingDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "staffingdb";

    public DbSet<PostPlan> PostPlans => Set<PostPlan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StaffingDbContext).Assembly).AddMessagingTables().AddIdempotencyRecords();
}
