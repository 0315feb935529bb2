using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Funding.Grants;
using KiPlatform.Messaging;
using KiPlatform.Rpc.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding;

public sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "fundingdb";

    public DbSet<FundingPeriod> FundingPeriods => Set<FundingPeriod>();

    public DbSet<Grant> Grants => Set<Grant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FundingDbContext).Assembly).AddMessagingTables().AddIdempotencyRecords();
}
