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
        period.Ignore(p => p.Rates);
    }
}
