using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Funding.Repayments;

internal sealed class BaseRateConfiguration : IEntityTypeConfiguration<BaseRate>
{
    public void Configure(EntityTypeBuilder<BaseRate> rate)
    {
        rate.ToTable("base_rates");
        rate.HasKey(r => r.EffectiveFrom);
    }
}
