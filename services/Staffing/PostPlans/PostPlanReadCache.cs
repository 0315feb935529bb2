using KiPlatform.Infrastructure;
using KiPlatform.Rpc.Contracts;
using ZiggyCreatures.Caching.Fusion;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>
/// Post plans as their full serialized responses (names included; each caller's view is cut from it), in memory and
/// in Redis. A command writes the plan as committed into the cache here and, through the backplane, in every
/// instance; a consumer that changed a plan drops it once saved. Municipalities without a plan are not cached, so
/// the plan an approval creates needs nothing dropped. Entries live <see cref="DistributedDuration"/> at most,
/// which bounds what a read racing a commit could leave behind, and the FTE held "today" it reports.
/// </summary>
public sealed class PostPlanReadCache(IFusionCache cache)
{
    public const string CacheName = "staffing";
    public static readonly TimeSpan MemoryDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DistributedDuration = TimeSpan.FromMinutes(2);

    /// <summary>The plan (shared: do not change it), or null when <paramref name="load"/> finds none.</summary>
    public async ValueTask<V1.PostPlan?> PlanAsync(string ags, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken) =>
        await cache.GetOrLoadPresentAsync(Key(ags), load, cancellationToken) is { } bytes ? CachedMessages.Decode(bytes, V1.PostPlan.Parser) : null;

    public ValueTask ChangedAsync(string ags, byte[] plan, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(ags), plan, token: cancellationToken);

    public ValueTask ForgetAsync(string ags, CancellationToken cancellationToken) => cache.RemoveAsync(Key(ags), token: cancellationToken);

    private static string Key(string ags) => $"plan:{ags}";
}
