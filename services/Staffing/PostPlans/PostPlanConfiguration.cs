using KiPlatform.Rpc.Names;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Staffing.PostPlans;

internal sealed class PostPlanConfiguration : IEntityTypeConfiguration<PostPlan>
{
    public const int StaffIdMaxLength = 64;
    public const int DisplayNameMaxLength = 200;
    public const int SecondmentReferenceMaxLength = 100;

    public void Configure(EntityTypeBuilder<PostPlan> plan)
    {
        plan.ToTable("post_plans");
        // Ids are made by the domain, so EF Core must not take a child with an id for one already stored.
        plan.HasKey(p => p.Id);
        plan.Property(p => p.Id).ValueGeneratedNever();
        // One plan per municipality, kept by the database so two approvals handled at once cannot make two.
        plan.HasIndex(p => p.Ags).IsUnique();
        plan.Property(p => p.Ags).HasMaxLength(MunicipalityName.AgsMaxLength);
        plan.Property(p => p.MunicipalityDisplayName).HasMaxLength(200);
        plan.Property(p => p.GovernmentDistrict).HasMaxLength(20);
        plan.HasIndex(p => p.GovernmentDistrict);
        plan.Property(p => p.HeadStaffId).HasMaxLength(StaffIdMaxLength);
        plan.Property(p => p.DeputyHeadStaffId).HasMaxLength(StaffIdMaxLength);
        plan.Property(p => p.Version).IsRowVersion();
        plan.HasMany(p => p.Periods).WithOne().HasForeignKey("PostPlanId").OnDelete(DeleteBehavior.Cascade);
        plan.HasMany(p => p.Posts).WithOne().HasForeignKey("PostPlanId").OnDelete(DeleteBehavior.Cascade);
        plan.Navigation(p => p.Periods).AutoInclude();
        plan.Navigation(p => p.Posts).AutoInclude();
    }
}

internal sealed class PlanPeriodConfiguration : IEntityTypeConfiguration<PlanPeriod>
{
    public void Configure(EntityTypeBuilder<PlanPeriod> period)
    {
        period.ToTable("plan_periods");
        period.HasKey(p => p.Id);
        period.Property(p => p.Id).ValueGeneratedNever();
        period.Property(p => p.PeriodId).HasMaxLength(FundingPeriodName.IdMaxLength);
        period.HasIndex("PostPlanId", nameof(PlanPeriod.PeriodId)).IsUnique();
        period.HasIndex(p => p.PeriodId);
        period.ComplexProperty(p => p.Approved);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.ToTable("posts");
        post.HasKey(p => p.Id);
        post.Property(p => p.Id).ValueGeneratedNever();
        post.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
        post.Ignore(p => p.Ministry);
        post.Ignore(p => p.IsOpen);
        post.HasMany(p => p.Occupancies).WithOne().HasForeignKey("PostId").OnDelete(DeleteBehavior.Cascade);
        post.Navigation(p => p.Occupancies).AutoInclude();
    }
}

internal sealed class OccupancyConfiguration : IEntityTypeConfiguration<Occupancy>
{
    public void Configure(EntityTypeBuilder<Occupancy> occupancy)
    {
        occupancy.ToTable("occupancies");
        occupancy.HasKey(o => o.Id);
        occupancy.Property(o => o.Id).ValueGeneratedNever();
        occupancy.Property(o => o.StaffId).HasMaxLength(PostPlanConfiguration.StaffIdMaxLength);
        occupancy.Property(o => o.DisplayName).HasMaxLength(PostPlanConfiguration.DisplayNameMaxLength);
        occupancy.Property(o => o.SecondmentReference).HasMaxLength(PostPlanConfiguration.SecondmentReferenceMaxLength);
        occupancy.Property(o => o.VacateReason).HasConversion<string>().HasMaxLength(30);
        occupancy.Ignore(o => o.Span);
        occupancy.HasIndex(o => o.StaffId);
    }
}
