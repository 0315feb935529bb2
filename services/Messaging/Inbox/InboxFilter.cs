using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace KiPlatform.Messaging.Inbox;

/// <summary>
/// Wraps every consumer of the service: the consumer's work and the inbox record commit together, a redelivered
/// message is acknowledged without running the consumer again, and each outcome is counted.
/// </summary>
internal sealed partial class InboxFilter<TMessage>(
    IInbox inbox,
    MessagingTelemetry telemetry,
    TimeProvider clock,
    ILogger<InboxFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without MessageId cannot be deduplicated.");
        var consumer = context.ReceiveContext.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "unknown";
        var messageType = typeof(TMessage).Name;
        var started = clock.GetTimestamp();
        try
        {
            var handled = await inbox.HandleOnceAsync(messageId, consumer, () => next.Send(context), context.CancellationToken);
            if (handled)
            {
                telemetry.Consumed(messageType, consumer, clock.GetElapsedTime(started));
            }
            else
            {
                telemetry.Duplicate(messageType, consumer);
                Activity.Current?.SetTag("ki.inbox.duplicate", true);
                LogDuplicate(messageId, messageType, consumer);
            }
        }
        catch (Exception)
        {
            telemetry.ConsumeFailed(messageType, consumer, clock.GetElapsedTime(started));
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} ({MessageType}) was already handled by {Consumer}; acknowledged without effect")]
    private partial void LogDuplicate(Guid messageId, string messageType, string consumer);
}
