using KiPlatform.Rpc.Names;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Applications.Lifecycle;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> application)
    {
        application.ToTable("applications");
        application.HasKey(a => a.Id);
        application.Property(a => a.Ags).HasMaxLength(MunicipalityName.AgsMaxLength);
        application.Property(a => a.PeriodId).HasMaxLength(FundingPeriodName.IdMaxLength);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(24);
        application.Property(a => a.DocumentsRequest).HasMaxLength(TextLimits.Reason);
        application.Property(a => a.RejectionReason).HasMaxLength(TextLimits.Reason);
        application.Property(a => a.Version).IsRowVersion();
        application.Ignore(a => a.ApprovedPosts);
        application.ComplexProperty(a => a.Content, content =>
        {
            content.Property(c => c.ConceptPlan).HasMaxLength(TextLimits.ConceptPlan);
            content.Property(c => c.OrganisationalPlacement).HasMaxLength(TextLimits.OrganisationalPlacement);
            content.Property(c => c.EducationPriority).HasMaxLength(TextLimits.Priority);
            content.Property(c => c.CrossCuttingPriority).HasMaxLength(TextLimits.Priority);
            content.Property(c => c.ContactName).HasMaxLength(TextLimits.ContactName);
            content.Property(c => c.ContactEmail).HasMaxLength(TextLimits.ContactEmail);
            content.ComplexProperty(c => c.RequestedPosts, Fte);
        });
        application.ComplexProperty(a => a.MaisSignOff, SignOff);
        application.ComplexProperty(a => a.MswSignOff, SignOff);

        // The rule "one application per municipality and period unless rejected or withdrawn", kept by the database
        // so two concurrent creates cannot both pass it.
        application.HasIndex(a => new { a.Ags, a.PeriodId })
            .IsUnique()
            .HasFilter($"\"Status\" NOT IN ({string.Join(", ", ApplicationStatuses.MakingRoom.Select(status => $"'{status}'"))})")
            .HasDatabaseName(OpenApplicationIndex);
        application.HasIndex(a => a.Status);

        application.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId);
        application.HasMany(a => a.Steps).WithOne().HasForeignKey(s => s.ApplicationId);
        application.Navigation(a => a.Documents).AutoInclude(false);
    }

    public const string OpenApplicationIndex = "ux_applications_open_per_municipality_and_period";

    private static void SignOff(ComplexPropertyBuilder<SignOff> signOff)
    {
        signOff.Property(s => s.By).HasMaxLength(TextLimits.Actor);
        signOff.ComplexProperty(s => s.Approved, Fte);
    }

    private static void Fte(ComplexPropertyBuilder<FteByCategory> posts)
    {
        posts.Property(p => p.Teacher).HasPrecision(3, 1);
        posts.Property(p => p.Specialist).HasPrecision(3, 1);
        posts.Property(p => p.Administrative).HasPrecision(3, 1);
        posts.Property(p => p.Support).HasPrecision(3, 1);
    }
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> document)
    {
        document.ToTable("application_documents");
        document.HasKey(d => new { d.ApplicationId, d.Position });
        document.Property(d => d.Title).HasMaxLength(TextLimits.DocumentTitle);
        document.Property(d => d.Type).HasConversion<string>().HasMaxLength(24);
        document.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        document.Property(d => d.AttachedBy).HasMaxLength(TextLimits.Actor);
    }
}

internal sealed class ApplicationStepConfiguration : IEntityTypeConfiguration<ApplicationStep>
{
    public void Configure(EntityTypeBuilder<ApplicationStep> step)
    {
        step.ToTable("application_steps");
        step.HasKey(s => new { s.ApplicationId, s.Sequence });
        step.Property(s => s.Ags).HasMaxLength(MunicipalityName.AgsMaxLength);
        step.Property(s => s.Action).HasConversion<string>().HasMaxLength(24);
        step.Property(s => s.FromStatus).HasConversion<string>().HasMaxLength(24);
        step.Property(s => s.ToStatus).HasConversion<string>().HasMaxLength(24);
        step.Property(s => s.Actor).HasMaxLength(TextLimits.Actor);
        step.Property(s => s.ActorRole).HasMaxLength(20);
        step.Property(s => s.Reason).HasMaxLength(TextLimits.Reason);
        step.HasIndex(s => new { s.Ags, s.At });
    }
}

internal sealed class PeriodPostCapsConfiguration : IEntityTypeConfiguration<PeriodPostCaps>
{
    public void Configure(EntityTypeBuilder<PeriodPostCaps> caps)
    {
        caps.ToTable("period_post_caps");
        caps.HasKey(c => c.PeriodId);
        caps.Property(c => c.PeriodId).HasMaxLength(FundingPeriodName.IdMaxLength);
        caps.Property(c => c.TeacherFte).HasPrecision(3, 1);
        caps.Property(c => c.SpecialistFte).HasPrecision(3, 1);
        caps.Property(c => c.AdministrativeFte).HasPrecision(3, 1);
        caps.Property(c => c.SupportFte).HasPrecision(3, 1);
        caps.Ignore(c => c.Caps);
    }
}
