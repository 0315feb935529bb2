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
    public async ValueTask<V1.PostPlan?> PlanAsync(string ags, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetOrSetAsync<byte[]>(Key(ags), async (context, ct) =>
        {
            if (await load(ct) is { } found)
            {
                return found;
            }

            context.Options.SkipMemoryCacheWrite = true;
            context.Options.SkipDistributedCacheWrite = true;
            context.Options.SkipBackplaneNotifications = true;
            return [];
        }, token: cancellationToken);
        return bytes.Length == 0 ? null : CachedMessages.Decode(bytes, V1.PostPlan.Parser);
    }

    public ValueTask ChangedAsync(string ags, byte[] plan, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(ags), plan, token: cancellationToken);

    public ValueTask ForgetAsync(string ags, CancellationToken cancellationToken) => cache.RemoveAsync(Key(ags), token: cancellationToken);

    private static string Key(string ags) => $"plan:{ags}";
}
