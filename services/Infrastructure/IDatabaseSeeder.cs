using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Infrastructure;

/// <summary>
/// Loads reference data a service ships with, right after its schema is migrated. Must be idempotent: it runs at
/// every start of every instance.
/// </summary>
public interface IDatabaseSeeder<TContext> where TContext : DbContext
{
    Task SeedAsync(CancellationToken cancellationToken);
}
