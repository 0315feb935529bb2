using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KiPlatform.Funding;

/// <summary>For <c>dotnet ef migrations add</c> only: it builds the model without a running stack or a server.</summary>
internal sealed class FundingDbContextDesignFactory : IDesignTimeDbContextFactory<FundingDbContext>
{
    public FundingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FundingDbContext>().UseNpgsql("Host=design-time-only").Options);
}
