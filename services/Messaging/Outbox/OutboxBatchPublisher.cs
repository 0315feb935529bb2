using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KiPlatform.Messaging.Outbox;

/// <summary>
/// Claims a batch of pending outbox rows, publishes them with publisher confirms and marks them sent, all in one
/// transaction. Rows are claimed with FOR UPDATE SKIP LOCKED, so dispatchers of several instances share the work
/// without publishing a row twice; a row whose publish fails stays pending and is retried with back-off.
/// </summary>
public sealed partial class OutboxBatchPublisher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    TimeProvider clock,
    MessagingTelemetry telemetry,
    IOptions<MessagingOptions> options,
    ILogger<OutboxBatchPublisher<TContext>> logger)
    where TContext : DbContext
{
    private static readonly ConcurrentDictionary<string, Type?> EventTypes = new(StringComparer.Ordinal);

    private readonly MessagingOptions settings = options.Value;

    /// <summary>Publishes at most one batch; returns how many rows it claimed.</summary>
    public async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var batch = await db.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY id
                    LIMIT {settings.DispatchBatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking()
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return 0;
            }

            // All confirms of a batch are awaited together: one round of broker confirms, not one per event.
            await Task.WhenAll(batch.Select(message => PublishAsync(message, ct)));
            var sent = batch.Where(m => m.SentAt is not null).Select(m => m.Id).ToList();
            var sentAt = clock.GetUtcNow();
            await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(row => row.SetProperty(m => m.SentAt, sentAt), ct);
            foreach (var failed in batch.Where(m => m.SentAt is null))
            {
                await db.Set<OutboxMessage>().Where(m => m.Id == failed.Id).ExecuteUpdateAsync(row => row
                    .SetProperty(m => m.Attempts, failed.Attempts)
                    .SetProperty(m => m.LastError, failed.LastError)
                    .SetProperty(m => m.NextAttemptAt, failed.NextAttemptAt), ct);
            }

            await transaction.CommitAsync(ct);
            return batch.Count;
        }, cancellationToken);
    }

    /// <summary>Measures the backlog for the pending-count and oldest-age gauges.</summary>
    public async Task MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var backlog = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null)
            .GroupBy(_ => 1)
            .Select(pending => new { Count = pending.Count(), Oldest = pending.Min(m => m.CreatedAt) })
            .SingleOrDefaultAsync(cancellationToken);
        var age = backlog is null ? TimeSpan.Zero : clock.GetUtcNow() - backlog.Oldest;
        telemetry.ReportBacklog(db.Database.GetDbConnection().Database, new OutboxBacklog(backlog?.Count ?? 0, age < TimeSpan.Zero ? TimeSpan.Zero : age));
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var activity = StartActivity(message);
        try
        {
            var type = EventTypes.GetOrAdd(message.MessageType, name => Type.GetType(name, throwOnError: false))
                ?? throw new InvalidOperationException($"Event type '{message.MessageType}' is not known to this service.");
            var body = JsonSerializer.Deserialize(message.Body, type, OutboxMessage.BodyFormat)
                ?? throw new InvalidOperationException($"Outbox row {message.Id} has an empty body.");
            using var timeout = new CancellationTokenSource(settings.PublishTimeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            await bus.Publish(body, type, context => context.MessageId = message.Id, linked.Token);
            message.SentAt = clock.GetUtcNow();
            telemetry.Published(type.Name);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = Truncate(exception.Message, 2000);
            message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
            telemetry.PublishFailed(ShortName(message.MessageType));
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            LogPublishFailed(exception, message.Id, message.MessageType, message.Attempts);
        }
    }

    private static Activity? StartActivity(OutboxMessage message)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        var activity = MessagingTelemetry.ActivitySource.StartActivity($"outbox publish {ShortName(message.MessageType)}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        return activity;
    }

    /// <summary>Exponential: 1 s, 2 s, 4 s … up to the configured maximum.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, settings.MaxPublishBackoff.TotalSeconds));
    }

    private static string ShortName(string messageType)
    {
        var typeName = messageType.Split(',')[0];
        return typeName[(typeName.LastIndexOf('.') + 1)..];
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox event {MessageId} ({MessageType}) failed, attempt {Attempts}; it stays pending")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string messageType, int attempts);
}
