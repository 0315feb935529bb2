using KiPlatform.Rpc.Names;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Funding.Grants;

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> grant)
    {
        grant.ToTable("grants");
        grant.HasKey(g => g.Id);
        grant.Property(g => g.Id).ValueGeneratedNever();
        // One grant per approved application: a second copy of the approval cannot make a second grant.
        grant.HasIndex(g => g.ApplicationId).IsUnique();
        grant.Property(g => g.Ags).HasMaxLength(MunicipalityName.AgsMaxLength);
        grant.Property(g => g.PeriodId).HasMaxLength(FundingPeriodName.IdMaxLength);
        grant.Property(g => g.MunicipalityName).HasMaxLength(200);
        grant.Property(g => g.GovernmentDistrict).HasMaxLength(50);
        grant.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        grant.Property(g => g.Number).HasMaxLength(40);
        grant.HasIndex(g => g.Number).IsUnique();
        grant.HasIndex(g => new { g.PeriodId, g.Status, g.ApprovedAt });
        grant.HasIndex(g => g.Ags);
        grant.Property(g => g.Version).IsRowVersion();
        grant.ComplexProperty(g => g.Fte);
        grant.ComplexProperty(g => g.Amounts);
        grant.ComplexProperty(g => g.Rates);
        grant.Property(g => g.Claim).AsJson();
        // Derived from the history, never stored.
        grant.Ignore(g => g.DisbursedCents);
        grant.Ignore(g => g.RevokedCents);
        grant.Ignore(g => g.RepaidCents);
        grant.Ignore(g => g.InterestPaidCents);
        grant.Ignore(g => g.RepayableCents);
        grant.Ignore(g => g.UnpaidCents);
        grant.Ignore(g => g.Payments);
        grant.HasIndex(g => new { g.Status, g.ProofOfUseDueOn });
        grant.OwnsMany(g => g.Steps, step =>
        {
            step.ToTable("grant_steps");
            step.WithOwner().HasForeignKey("GrantId");
            step.HasKey("GrantId", nameof(GrantStep.Position));
            step.Property(s => s.Position).ValueGeneratedNever();
            step.Property(s => s.What).HasMaxLength(500);
            step.Property(s => s.By).HasMaxLength(100);
            step.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        });
    }
}
