using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace KiPlatform.Messaging.Deduplication;

/// <summary>
/// Wraps every consumer of the service: the consumer's work and the processed-message record commit together, a redelivered
/// message is acknowledged without running the consumer again, and each outcome is counted.
/// </summary>
internal sealed partial class DeduplicationFilter<TMessage>(
    IMessageDeduplication deduplication,
    AfterCommit afterCommit,
    MessagingTelemetry telemetry,
    TimeProvider clock,
    ILogger<DeduplicationFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without MessageId cannot be deduplicated.");
        var consumer = context.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "unknown";
        var messageType = typeof(TMessage).Name;
        var started = clock.GetTimestamp();
        var consumerThrew = false;
        try
        {
            var handled = await deduplication.HandleOnceAsync(messageId, consumer, RunConsumerAsync, context.CancellationToken);
            if (handled)
            {
                telemetry.Consumed(messageType, consumer, clock.GetElapsedTime(started));
                await RunAfterCommitAsync(messageId, consumer);
            }
            else
            {
                telemetry.Duplicate(messageType, consumer);
                Activity.Current?.SetTag("ki.consumer.duplicate", true);
                LogDuplicate(messageId, messageType, consumer);
            }
        }
        catch (Exception e)
        {
            var elapsed = clock.GetElapsedTime(started);
            telemetry.ConsumeFailed(messageType, consumer, elapsed);
            if (!consumerThrew)
            {
                // The consumer reports its own exceptions; one from the commit after it is reported here, so it too ends
                // in a Fault<T> once the retries are used up (MassTransit holds each attempt's report until then).
                await context.NotifyFaulted(context, elapsed, $"deduplication of {consumer}", e);
            }

            throw;
        }

        async Task RunConsumerAsync()
        {
            consumerThrew = false;
            try
            {
                await next.Send(context);
            }
            catch
            {
                consumerThrew = true;
                throw;
            }
        }
    }

    /// <summary>The message is handled and acknowledged whatever happens here: what follows a commit is never needed for its record.</summary>
    private async Task RunAfterCommitAsync(Guid messageId, string consumer)
    {
        try
        {
            await afterCommit.RunAsync();
        }
        catch (Exception e)
        {
            LogAfterCommitFailed(messageId, consumer, e);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("deduplication");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} was handled by {Consumer}, but what follows its commit failed")]
    private partial void LogAfterCommitFailed(Guid messageId, string consumer, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} ({MessageType}) was already handled by {Consumer}; acknowledged without effect")]
    private partial void LogDuplicate(Guid messageId, string messageType, string consumer);
}
