using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KiPlatform.Infrastructure;

/// <summary>
/// Counts a service's dashboard figures from its database now and every <see cref="Interval"/>, so every instance
/// reports the same truth, also after a restart. A count that fails leaves the gauges with their last figures.
/// </summary>
public abstract partial class GaugeRefresher(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>One count, in a scope of its own.</summary>
    protected abstract Task CountAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await CountAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCountFailed(logger, GetType().Name, e);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Refresher} could not count; the gauges keep their last figures")]
    private static partial void LogCountFailed(ILogger logger, string refresher, Exception exception);
}
