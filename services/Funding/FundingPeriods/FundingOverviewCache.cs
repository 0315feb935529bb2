using KiPlatform.Funding.V1;
using KiPlatform.Infrastructure;
using KiPlatform.Rpc.Contracts;
using ZiggyCreatures.Caching.Fusion;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>
/// The overview of each period's money, cached as its serialized response in memory and in Redis. Whatever moves the
/// figures (the issuer's round, a budget change) drops the entry once committed, here and through the Redis backplane in
/// every instance. Without Redis an instance that missed a drop serves old figures for <see cref="MemoryDuration"/> at
/// most. The database stays the record.
/// </summary>
public sealed class FundingOverviewCache(IFusionCache cache)
{
    public const string CacheName = "funding";
    public static readonly TimeSpan MemoryDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DistributedDuration = TimeSpan.FromMinutes(2);

    /// <summary>The overview (shared: do not change it), or null when <paramref name="load"/> finds no such period.</summary>
    public async ValueTask<FundingOverview?> OverviewAsync(string periodId, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken) =>
        await cache.GetOrLoadPresentAsync(Key(periodId), load, cancellationToken) is { } bytes ? CachedMessages.Decode(bytes, FundingOverview.Parser) : null;

    public ValueTask ForgetAsync(string periodId, CancellationToken cancellationToken) => cache.RemoveAsync(Key(periodId), token: cancellationToken);

    private static string Key(string periodId) => $"overview:{periodId}";
}
