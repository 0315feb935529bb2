using System.Runtime.CompilerServices;
using Google.Protobuf;
using KiPlatform.Applications.V1;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

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

    /// <summary>
    /// Each cached response decoded once: a memory-cache hit hands out the same byte array, so it gets the same message.
    /// The messages are shared between calls and must not be changed.
    /// </summary>
    private static readonly ConditionalWeakTable<byte[], IMessage> Decoded = new();

    /// <summary>The application (shared: do not change it), or null when <paramref name="load"/> finds none; an absence is not cached.</summary>
    public async ValueTask<V1.Application?> ApplicationAsync(Guid id, Func<CancellationToken, Task<byte[]?>> load, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetOrSetAsync<byte[]>(ApplicationKey(id), async (context, ct) =>
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
        return bytes.Length == 0 ? null : Decode(bytes, V1.Application.Parser);
    }

    /// <summary>The coverage of one period or of all (shared: do not change it).</summary>
    public async ValueTask<Coverage> CoverageAsync(string periodKey, Func<CancellationToken, Task<byte[]>> load, CancellationToken cancellationToken)
    {
        var bytes = await cache.GetOrSetAsync<byte[]>($"{CoverageKey}:{periodKey}", (_, ct) => load(ct), tags: [CoverageKey], token: cancellationToken);
        return Decode(bytes, Coverage.Parser);
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

    private static T Decode<T>(byte[] bytes, MessageParser<T> parser) where T : IMessage<T>
    {
        if (Decoded.TryGetValue(bytes, out var decoded))
        {
            return (T)decoded;
        }

        var message = parser.ParseFrom(bytes);
        Decoded.AddOrUpdate(bytes, message);
        return message;
    }
}

public static class ApplicationReadCacheRegistration
{
    /// <summary>The read cache over the Redis the service already connects to (connection "cache").</summary>
    public static IHostApplicationBuilder AddApplicationReadCache(this IHostApplicationBuilder builder)
    {
        Task<IConnectionMultiplexer> Redis(IServiceProvider services) => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>());
        builder.Services.AddFusionCache()
            .WithDefaultEntryOptions(options =>
            {
                options.Duration = ApplicationReadCache.MemoryDuration;
                options.DistributedCacheDuration = ApplicationReadCache.DistributedDuration;
                // A Redis outage must not slow reads down: give up on it quickly and answer from the database.
                options.DistributedCacheSoftTimeout = TimeSpan.FromMilliseconds(100);
                options.AllowBackgroundDistributedCacheOperations = true;
            })
            .WithOptions(options =>
            {
                options.CacheKeyPrefix = $"ki:{ApplicationReadCache.CacheName}:";
                options.DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(5);
            })
            // FusionCache keeps its entry metadata in value tuples, which System.Text.Json writes only with fields included.
            .WithSerializer(new FusionCacheSystemTextJsonSerializer(new System.Text.Json.JsonSerializerOptions { IncludeFields = true }))
            .WithDistributedCache(services => new RedisCache(new RedisCacheOptions { ConnectionMultiplexerFactory = () => Redis(services) }))
            .WithBackplane(services => new RedisBackplane(new RedisBackplaneOptions { ConnectionMultiplexerFactory = () => Redis(services) }));
        builder.Services.AddSingleton<ApplicationReadCache>();
        return builder;
    }
}
