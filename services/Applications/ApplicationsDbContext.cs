using KiPlatform.Applications.Lifecycle;
using KiPlatform.Applications.Municipalities;
using KiPlatform.Messaging;
using KiPlatform.Rpc.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Applications;

public sealed class ApplicationsDbContext(DbContextOptions<ApplicationsDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "applicationsdb";

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<ApplicationStep> ApplicationSteps => Set<ApplicationStep>();

    public DbSet<PeriodPostCaps> PeriodPostCaps => Set<PeriodPostCaps>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationsDbContext).Assembly).AddMessagingTables().AddIdempotencyRecords();
}
