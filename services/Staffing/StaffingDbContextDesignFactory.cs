using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KiPlatform.Staffing;

/// <summary>For <c>dotnet ef migrations add</c> only: it builds the model without a running stack or a server.</summary>
internal sealed class StaffingDbContextDesignFactory : IDesignTimeDbContextFactory<StaffingDbContext>
{
    public StaffingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StaffingDbContext>().UseNpgsql("Host=design-time-only").Options);
}
