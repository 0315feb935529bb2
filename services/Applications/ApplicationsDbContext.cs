using KiPlatform.Applications.Municipalities;
using KiPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Applications;

public sealed class ApplicationsDbContext(DbContextOptions<ApplicationsDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "applicationsdb";

    public DbSet<Municipality> Municipalities => Set<Municipality>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationsDbContext).Assembly).AddMessagingTables();
}
