using KiPlatform.Rpc.Names;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KiPlatform.Staffing.PostPlans;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.ToTable("posts");
        post.HasKey(p => p.Id);
        post.Property(p => p.Ags).HasMaxLength(MunicipalityName.AgsMaxLength);
        post.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
        post.HasIndex(p => p.Ags);
    }
}
