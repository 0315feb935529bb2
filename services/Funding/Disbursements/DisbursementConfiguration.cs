using KiPlatform.Rpc.Names;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Funding.Disbursements;

internal sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> disbursement)
    {
        disbursement.ToTable("disbursements");
        disbursement.HasKey(d => d.Id);
        disbursement.Property(d => d.Id).ValueGeneratedNever();
        disbursement.Property(d => d.Ags).HasMaxLength(MunicipalityName.AgsMaxLength);
        disbursement.Property(d => d.PeriodId).HasMaxLength(FundingPeriodName.IdMaxLength);
        disbursement.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        disbursement.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        disbursement.Property(d => d.RequestedBy).HasMaxLength(100);
        disbursement.Property(d => d.DecidedBy).HasMaxLength(100);
        disbursement.Property(d => d.RefusalReason).HasMaxLength(1000);
        disbursement.Property(d => d.Version).IsRowVersion();
        disbursement.HasIndex(d => new { d.GrantId, d.RequestedAt });
        disbursement.HasIndex(d => new { d.Status, d.PaymentDate });
        // Each tranche date pays a grant once, however many instances run the schedule.
        disbursement.HasIndex(d => new { d.GrantId, d.TrancheOn }).IsUnique().HasFilter("\"TrancheOn\" IS NOT NULL");
    }
}
