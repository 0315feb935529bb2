using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KiPlatform.Infrastructure;

/// <summary>
/// Deletes rows of <typeparamref name="TEntity"/> older than a retention window, every half hour, in every instance
/// (the delete is one idempotent statement, so instances running it together do no harm).
/// </summary>
public sealed partial class RetentionPruner<TContext, TEntity>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    Expression<Func<TEntity, DateTimeOffset>> timestamp,
    Func<IServiceProvider, TimeSpan> retention,
    ILogger<RetentionPruner<TContext, TEntity>> logger) : BackgroundService
    where TContext : DbContext
    where TEntity : class
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.NextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cutoff = clock.GetUtcNow() - retention(scope.ServiceProvider);
                var expired = Expression.Lambda<Func<TEntity, bool>>(
                    Expression.LessThan(timestamp.Body, Expression.Constant(cutoff)), timestamp.Parameters);
                var deleted = await scope.ServiceProvider.GetRequiredService<TContext>().Set<TEntity>().Where(expired).ExecuteDeleteAsync(stoppingToken);
                LogPruned(deleted, typeof(TEntity).Name);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(exception, typeof(TEntity).Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} {Entity} rows past retention")]
    private partial void LogPruned(int count, string entity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning {Entity} rows failed; trying again later")]
    private partial void LogPruneFailed(Exception exception, string entity);
}

public static class RetentionPruning
{
    public static IServiceCollection AddRetentionPruning<TContext, TEntity>(
        this IServiceCollection services, Expression<Func<TEntity, DateTimeOffset>> timestamp, Func<IServiceProvider, TimeSpan> retention)
        where TContext : DbContext
        where TEntity : class =>
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<RetentionPruner<TContext, TEntity>>(provider, timestamp, retention));
}
