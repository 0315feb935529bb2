using KiPlatform.Domain;
using KiPlatform.Rpc.Errors;

namespace KiPlatform.Rpc.Concurrency;

/// <summary>
/// Entity tags for optimistic concurrency (AIP-154). A resource's etag is its row version (PostgreSQL xmin, mapped
/// with IsRowVersion), so it changes with every committed update and costs nothing to keep.
/// </summary>
public static class ETags
{
    public static string Format(uint version) => $"\"{version:x8}\"";

    /// <summary>
    /// Refuses (ABORTED, reason ETAG_MISMATCH) when the caller sent an etag that is no longer current. An empty etag
    /// means the caller chose not to check. A change between this check and the save is caught by the row version
    /// and refused the same way.
    /// </summary>
    public static void EnsureCurrent(string? requested, uint current, string resourceName)
    {
        if (!string.IsNullOrEmpty(requested) && !string.Equals(requested, Format(current), StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(resourceName,
                $"{resourceName} was changed after the etag sent was read; get it again and reapply the change.",
                ConcurrencyConflictException.StaleEtagReason);
        }
    }
}
