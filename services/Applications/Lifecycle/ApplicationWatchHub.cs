using System.Collections.Concurrent;
using StackExchange.Redis;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>
/// Wakes the WatchApplications streams when a municipality's application took a step: at once in this instance, and
/// through a Redis channel in every other. A wake-up only says "look again"; the streams read the steps from the
/// database, so a lost wake-up (Redis down) delays a step until the next poll and never loses it.
/// </summary>
public sealed partial class ApplicationWatchHub(IConnectionMultiplexer redis, ILogger<ApplicationWatchHub> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("ki:applications:steps");

    private readonly ConcurrentDictionary<Watcher, byte> _watchers = new();

    /// <summary>Keeps a stream informed of the steps of municipality <paramref name="ags"/>'s applications until disposed.</summary>
    public Watcher Watch(string ags)
    {
        var watcher = new Watcher(ags, this);
        _watchers.TryAdd(watcher, 0);
        return watcher;
    }

    public async Task AnnounceAsync(string ags, Guid applicationId)
    {
        Wake(ags);
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, RedisValue.Unbox(ags), CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            LogAnnounceFailed(applicationId, e);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, ags) => Wake(ags.ToString()));
        }
        catch (RedisException e)
        {
            LogSubscribeFailed(e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Wake(string ags)
    {
        foreach (var watcher in _watchers.Keys)
        {
            if (watcher.Ags == ags)
            {
                watcher.Wake();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a step of application {ApplicationId} to other instances; their watchers see it at their next poll")]
    private partial void LogAnnounceFailed(Guid applicationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to other instances' steps; watchers here fall back to polling")]
    private partial void LogSubscribeFailed(Exception exception);

    public sealed class Watcher(string ags, ApplicationWatchHub hub) : IDisposable
    {
        private readonly SemaphoreSlim _signal = new(0, 1);

        public string Ags { get; } = ags;

        /// <summary>Returns when a step may have been recorded, or after <paramref name="atMost"/>.</summary>
        public async Task WaitAsync(TimeSpan atMost, CancellationToken cancellationToken) => await _signal.WaitAsync(atMost, cancellationToken);

        internal void Wake()
        {
            try
            {
                _signal.Release();
            }
            catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
            {
                // Already woken and not yet looked (one look covers both steps), or the stream just ended.
            }
        }

        public void Dispose()
        {
            hub._watchers.TryRemove(this, out _);
            _signal.Dispose();
        }
    }
}
