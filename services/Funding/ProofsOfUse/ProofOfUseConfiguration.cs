using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Funding.ProofsOfUse;

internal sealed class ProofOfUseConfiguration : IEntityTypeConfiguration<ProofOfUse>
{
    public void Configure(EntityTypeBuilder<ProofOfUse> proof)
    {
        proof.ToTable("proofs_of_use");
        proof.HasKey(p => p.GrantId);
        proof.Property(p => p.Narrative).HasMaxLength(ProofOfUseLimits.NarrativeMaxLength);
        proof.Property(p => p.Document).AsJson();
        proof.Property(p => p.Statement).AsJson();
        proof.Property(p => p.SubmittedBy).HasMaxLength(100);
    }
}
