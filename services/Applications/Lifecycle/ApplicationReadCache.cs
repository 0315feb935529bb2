using KiPlatform.Applications.V1;
using KiPlatform.Infrastructure;
using KiPlatform.Rpc.Contracts;
using ZiggyCreatures.Caching.Fusion;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>
/// The reads integrators hammer (one application, the coverage view), cached as their serialized responses in memory and
/// in Redis. A change writes the new application into the cache (and drops the coverage), here and, through the Redis
/// backplane, in every other instance. Without Redis the cache still works per instance, and entries live only
/// <see cref="MemoryDuration"/> there, so an instance that missed a change serves the old version for seconds at most.
/// A read that loaded the old version just before a commit and stores it just after could still win; entries live
/// <see cref="DistributedDuration"/> at most, which bounds that rare case. The database stays the record.
/// </summary>
public sealed class ApplicationReadCache(IFusionCache cache)
{
    public const string CacheName = "applications";
    public static readonly TimeSpan MemoryDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DistributedDuration = TimeSpan.FromMinutes(2);

    private const string CoverageKey = "coverage";

    /// <summary>The application (shared: do not change it), or null when <paramref name="load"/> finds none; an absence is not cached.</summary>
    public async ValueTask<V1.Application?> ApplicationAsync(Guid id, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken) =>
        await cache.GetOrLoadPresentAsync(ApplicationKey(id), load, cancellationToken) is { } bytes ? CachedMessages.Decode(bytes, V1.Application.Parser) : null;

    /// <summary>The coverage of one period or of all (shared: do not change it).</summary>
    public async ValueTask<Coverage> CoverageAsync(string periodKey, Func<CancellationToken, Task<byte[]>> load, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetOrSetAsync<byte[]>($"{CoverageKey}:{periodKey}", (_, ct) => load(ct), tags: [CoverageKey], token: cancellationToken);
        return CachedMessages.Decode(bytes, Coverage.Parser);
    }

    /// <summary>After a change: the application as committed replaces the cached one; the coverage is recounted when asked.</summary>
    public async ValueTask ChangedAsync(Guid id, byte[] application, bool coverageToo, CancellationToken cancellationToken)
    {
        await cache.SetAsync(ApplicationKey(id), application, token: cancellationToken);
        if (coverageToo)
        {
            await cache.RemoveByTagAsync(CoverageKey, token: cancellationToken);
        }
    }

    public async ValueTask ForgetApplicationAsync(Guid id, bool coverageToo, CancellationToken cancellationToken)
    {
        await cache.RemoveAsync(ApplicationKey(id), token: cancellationToken);
        if (coverageToo)
        {
            await cache.RemoveByTagAsync(CoverageKey, token: cancellationToken);
        }
    }

    private static string ApplicationKey(Guid id) => $"application:{id:N}";
}

public static class ApplicationReadCacheRegistration
{
    public static IHostApplicationBuilder AddApplicationReadCache(this IHostApplicationBuilder builder)
    {
        builder.AddServiceReadCache(ApplicationReadCache.CacheName, ApplicationReadCache.MemoryDuration, ApplicationReadCache.DistributedDuration);
        builder.Services.AddSingleton<ApplicationReadCache>();
        return builder;
    }
}
