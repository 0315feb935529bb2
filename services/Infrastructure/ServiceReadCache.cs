using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace KiPlatform.Infrastructure;

/// <summary>
/// A service's cache of hot reads (FusionCache): in memory for <c>memoryDuration</c>, in Redis for
/// <c>distributedDuration</c>, with a Redis backplane so a change written in one instance replaces the entry in all.
/// Without Redis it still works per instance. The database stays the record.
/// </summary>
public static class ServiceReadCache
{
    /// <summary>Registers <see cref="IFusionCache"/> over the Redis the service already connects to (<see cref="ServiceCache"/>).</summary>
    public static IHostApplicationBuilder AddServiceReadCache(this IHostApplicationBuilder builder, string cacheName, TimeSpan memoryDuration, TimeSpan distributedDuration)
    {
        Task<IConnectionMultiplexer> Redis(IServiceProvider services) => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>());
        // FusionCache logs every hit at Information; through the console logger's lock that halved a cached read's
        // throughput (docs/benchmarks.md). Its warnings still show.
        builder.Logging.AddFilter("ZiggyCreatures.Caching.Fusion", LogLevel.Warning);
        builder.Services.AddFusionCache()
            .WithDefaultEntryOptions(options =>
            {
                options.Duration = memoryDuration;
                options.DistributedCacheDuration = distributedDuration;
                // A Redis outage must not slow reads down: give up on it quickly and answer from the database.
                options.DistributedCacheSoftTimeout = TimeSpan.FromMilliseconds(100);
                options.AllowBackgroundDistributedCacheOperations = true;
            })
            .WithOptions(options =>
            {
                options.CacheKeyPrefix = $"ki:{cacheName}:";
                options.DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(5);
            })
            // FusionCache keeps its entry metadata in value tuples, which System.Text.Json writes only with fields included.
            .WithSerializer(new FusionCacheSystemTextJsonSerializer(new System.Text.Json.JsonSerializerOptions { IncludeFields = true }))
            .WithDistributedCache(services => new RedisCache(new RedisCacheOptions { ConnectionMultiplexerFactory = () => Redis(services) }))
            .WithBackplane(services => new RedisBackplane(new RedisBackplaneOptions { ConnectionMultiplexerFactory = () => Redis(services) }));
        return builder;
    }

    /// <summary>
    /// The cached bytes under <paramref name="key"/>, loaded when missing; null when <paramref name="load"/> finds
    /// nothing. An absence is not cached, so the record made next needs nothing dropped.
    /// </summary>
    public static async ValueTask<byte[]?> GetOrLoadPresentAsync(
        this IFusionCache cache, string key, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetOrSetAsync<byte[]>(key, async (context, ct) =>
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
        return bytes.Length == 0 ? null : bytes;
    }
}
