using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace KiPlatform.Infrastructure.Live;

/// <summary>
/// Wakes a service's live streams when something they follow (a key: a municipality, a recipient) changed: at once in
/// this instance, and through the service's Redis channel in every other. A wake-up only says "look again"; the streams
/// read what changed from the database, so a lost wake-up (Redis down) delays a change until the next poll and never
/// loses it.
/// </summary>
public sealed partial class LiveWakeUps(IConnectionMultiplexer redis, LiveWakeUps.Channel channel, ILogger<LiveWakeUps> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Watcher, byte> _watchers = new();
    private readonly RedisChannel _channel = RedisChannel.Literal(channel.Name);

    /// <summary>The Redis channel a service's instances share their wake-ups on.</summary>
    public sealed record Channel(string Name);

    /// <summary>Keeps a stream informed of changes to <paramref name="key"/> until disposed.</summary>
    public Watcher Watch(string key)
    {
        var watcher = new Watcher(key, this);
        _watchers.TryAdd(watcher, 0);
        return watcher;
    }

    /// <summary>Call once the change to <paramref name="key"/> has committed, so a stream woken by it finds it.</summary>
    public async Task AnnounceAsync(string key)
    {
        Wake(key);
        try
        {
            await redis.GetSubscriber().PublishAsync(_channel, key, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            LogAnnounceFailed(channel.Name, key, e);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(_channel, (_, key) => Wake(key.ToString()));
        }
        catch (RedisException e)
        {
            LogSubscribeFailed(channel.Name, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Wake(string key)
    {
        foreach (var watcher in _watchers.Keys)
        {
            if (watcher.Key == key)
            {
                watcher.Wake();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a change of {Key} on {Channel} to other instances; their streams see it at their next poll")]
    private partial void LogAnnounceFailed(string channel, string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to {Channel}; streams here fall back to polling")]
    private partial void LogSubscribeFailed(string channel, Exception exception);

    public sealed class Watcher(string key, LiveWakeUps hub) : IDisposable
    {
        private readonly SemaphoreSlim _signal = new(0, 1);

        public string Key { get; } = key;

        /// <summary>Returns when a change may have been committed, or after <paramref name="atMost"/>.</summary>
        public async Task WaitAsync(TimeSpan atMost, CancellationToken cancellationToken) => await _signal.WaitAsync(atMost, cancellationToken);

        internal void Wake()
        {
            try
            {
                _signal.Release();
            }
            catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
            {
                // Already woken and not yet looked (one look covers both changes), or the stream just ended.
            }
        }

        public void Dispose()
        {
            hub._watchers.TryRemove(this, out _);
            _signal.Dispose();
        }
    }
}

public static class LiveWakeUpsRegistration
{
    /// <summary>The service's <see cref="LiveWakeUps"/> on Redis channel <paramref name="channel"/>, subscribed at start.</summary>
    public static IServiceCollection AddLiveWakeUps(this IServiceCollection services, string channel)
    {
        services.AddSingleton(new LiveWakeUps.Channel(channel));
        services.AddSingleton<LiveWakeUps>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveWakeUps>());
        return services;
    }
}
