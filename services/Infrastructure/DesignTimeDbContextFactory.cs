using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KiPlatform.Infrastructure;

/// <summary>
/// For <c>dotnet ef migrations add</c> only: builds a service's model with the Npgsql provider but without a running
/// stack or server (at run time the context gets its connection from Aspire). A service derives one sealed class from
/// it, which the EF tools find in the service's assembly.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=design-time-only").Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
