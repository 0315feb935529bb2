using KiPlatform.Rpc.Names;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Funding.Vacancies;

internal sealed class VacancyFiguresConfiguration : IEntityTypeConfiguration<VacancyFigures>
{
    public void Configure(EntityTypeBuilder<VacancyFigures> figures)
    {
        figures.ToTable("grant_vacancies");
        figures.HasKey(f => f.GrantId);
        figures.Property(f => f.Ags).HasMaxLength(MunicipalityName.AgsMaxLength);
        figures.Property(f => f.Months).AsJson();
        figures.Ignore(f => f.IsStale);
        figures.HasIndex(f => f.Ags);
    }
}
