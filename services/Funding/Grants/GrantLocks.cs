using KiPlatform.Domain;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.Grants;

internal static class GrantLocks
{
    /// <summary>
    /// Reads a grant for change and holds its row until the transaction ends, so commands on one grant's money (a
    /// call-off against what is left, a payment, a review) take turns and each sees what the last one left.
    /// </summary>
    public static async Task<Grant> LockGrantAsync(this FundingDbContext db, Guid id, string name, CancellationToken cancellationToken) =>
        await db.Grants.FromSql($"SELECT *, xmin FROM grants WHERE \"Id\" = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken)
        ?? throw new ResourceNotFoundException(name, GrantReasons.NotFound);
}
