using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Funding.Disbursements;
using KiPlatform.Funding.Grants;
using KiPlatform.Funding.ProofsOfUse;
using KiPlatform.Funding.Repayments;
using KiPlatform.Funding.Vacancies;
using KiPlatform.Messaging;
using KiPlatform.Rpc.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding;

public sealed class FundingDbContext(DbContextOptions<FundingDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "fundingdb";

    public DbSet<FundingPeriod> FundingPeriods => Set<FundingPeriod>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<Disbursement> Disbursements => Set<Disbursement>();

    public DbSet<VacancyFigures> VacancyFigures => Set<VacancyFigures>();

    public DbSet<ProofOfUse> ProofsOfUse => Set<ProofOfUse>();

    public DbSet<BaseRate> BaseRates => Set<BaseRate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FundingDbContext).Assembly).AddMessagingTables().AddIdempotencyRecords();
}
