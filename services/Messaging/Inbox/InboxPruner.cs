using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KiPlatform.Messaging.Inbox;

/// <summary>Forgets processed-message records past the retention window; redeliveries come within minutes, not weeks.</summary>
internal sealed partial class InboxPruner<TContext>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<InboxPruner<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(30), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cutoff = clock.GetUtcNow() - options.Value.Retention;
                await scope.ServiceProvider.GetRequiredService<TContext>().Set<ProcessedMessage>()
                    .Where(p => p.ProcessedAt < cutoff)
                    .ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning processed-message records failed; trying again later")]
    private partial void LogPruneFailed(Exception exception);
}
