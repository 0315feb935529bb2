using KiPlatform.Rpc.Names;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Applications.Municipalities;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> municipality)
    {
        municipality.ToTable("municipalities");
        municipality.HasKey(m => m.Ags);
        municipality.Property(m => m.Ags).HasMaxLength(MunicipalityName.AgsMaxLength);
        municipality.Property(m => m.Name).HasMaxLength(100);
        municipality.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        municipality.Property(m => m.GovernmentDistrict).HasMaxLength(20);
        municipality.Property(m => m.Version).IsRowVersion();
        municipality.Ignore(m => m.HasKi);
    }
}
