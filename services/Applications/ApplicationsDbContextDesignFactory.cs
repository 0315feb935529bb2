using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KiPlatform.Applications;

/// <summary>For <c>dotnet ef migrations add</c> only: it builds the model without a running stack or a server.</summary>
internal sealed class ApplicationsDbContextDesignFactory : IDesignTimeDbContextFactory<ApplicationsDbContext>
{
    public ApplicationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplicationsDbContext>().UseNpgsql("Host=design-time-only").Options);
}
