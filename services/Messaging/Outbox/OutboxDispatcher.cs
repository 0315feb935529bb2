using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KiPlatform.Messaging.Outbox;

/// <summary>
/// Drains the outbox of <typeparamref name="TContext"/>: woken by <see cref="OutboxCommitSignal"/> at each commit of this
/// instance, with polling as the safety net that also delivers what a crashed instance committed but never published.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    OutboxBatchPublisher<TContext> publisher,
    OutboxWakeUp wakeUp,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromSeconds(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Several rounds at once: while one waits for its broker confirms, the next claims what was committed meanwhile
        // (each skips the rows the other holds), so a commit never waits for a whole round before its own begins.
        Task.WhenAll(Enumerable.Range(0, options.Value.DispatchConcurrency).Select(round => DispatchAsync(measuresBacklog: round == 0, stoppingToken)));

    private async Task DispatchAsync(bool measuresBacklog, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var nextHousekeeping = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await publisher.PublishPendingAsync(stoppingToken);
                var now = clock.GetUtcNow();
                if (measuresBacklog && now >= nextHousekeeping)
                {
                    await publisher.MeasureBacklogAsync(stoppingToken);
                    nextHousekeeping = now + HousekeepingInterval;
                }

                if (claimed >= settings.DispatchBatchSize)
                {
                    continue; // More are waiting: no reason to sleep.
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogDispatchFailed(exception);
            }

            try
            {
                if (await wakeUp.WaitAsync(settings.DispatchPollInterval, clock, stoppingToken) && settings.DispatchCoalescingDelay > TimeSpan.Zero)
                {
                    await Task.Delay(settings.DispatchCoalescingDelay, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed (database unreachable?); the rows stay pending")]
    private partial void LogDispatchFailed(Exception exception);
}
