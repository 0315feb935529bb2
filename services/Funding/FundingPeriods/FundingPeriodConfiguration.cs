using KiPlatform.Rpc.Names;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Funding.FundingPeriods;

internal sealed class FundingPeriodConfiguration : IEntityTypeConfiguration<FundingPeriod>
{
    public void Configure(EntityTypeBuilder<FundingPeriod> period)
    {
        period.ToTable("funding_periods", table => table.HasCheckConstraint("ck_funding_periods_dates", "end_date >= start_date"));
        period.HasKey(p => p.Id);
        period.Property(p => p.Id).HasMaxLength(FundingPeriodName.IdMaxLength);
        period.Property(p => p.StartDate).HasColumnName("start_date");
        period.Property(p => p.EndDate).HasColumnName("end_date");
        period.Property(p => p.Version).IsRowVersion();
        period.ComplexProperty(p => p.PostCaps);
        period.Ignore(p => p.Rates);
        period.Ignore(p => p.Revision);
        period.OwnsMany(p => p.Changes, change =>
        {
            change.ToTable("funding_period_changes");
            change.WithOwner().HasForeignKey("PeriodId");
            change.HasKey("PeriodId", nameof(FundingPeriodChange.Position));
            change.Property(c => c.Position).ValueGeneratedNever();
            change.Property(c => c.What).HasMaxLength(1000);
            change.Property(c => c.Why).HasMaxLength(500);
            change.Property(c => c.By).HasMaxLength(100);
        });
    }
}
