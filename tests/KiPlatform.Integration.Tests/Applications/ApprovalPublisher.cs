using System.Text;
using System.Text.Json;
using KiPlatform.IntegrationEvents.Applications;
using RabbitMQ.Client;

namespace KiPlatform.Integration.Tests.Applications;

/// <summary>
/// Publishes an <see cref="ApplicationApproved"/> on the real broker as MassTransit does (its envelope, its exchange),
/// with the message id given, so a test can deliver the same message twice. Every service consuming approvals gets it.
/// </summary>
internal static class ApprovalPublisher
{
    private static readonly JsonSerializerOptions MassTransitJson = new(JsonSerializerDefaults.Web);

    public static Task PublishAsync(string amqpUri, ApplicationApproved approved, Guid messageId) => PublishEventAsync(amqpUri, approved, messageId);

    /// <summary>Any integration event, as its publishing service would send it.</summary>
    public static Task PublishEventAsync<TEvent>(string amqpUri, TEvent @event, Guid messageId) where TEvent : class =>
        PublishAsAsync(amqpUri, @event, $"{typeof(TEvent).Namespace}:{typeof(TEvent).Name}", messageId);

    /// <summary>
    /// Sends <paramref name="message"/> through the exchange of <typeparamref name="TExchange"/>, so it reaches every queue
    /// bound there, but declares it as <paramref name="messageType"/>: an event type its consumers may not know.
    /// </summary>
    public static Task PublishThroughAsync<TExchange>(string amqpUri, object message, string messageType, Guid messageId) =>
        PublishAsAsync(amqpUri, message, messageType, messageId, $"{typeof(TExchange).Namespace}:{typeof(TExchange).Name}");

    private static async Task PublishAsAsync(string amqpUri, object message, string messageType, Guid messageId, string? exchangeName = null)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = exchangeName ?? messageType;
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var envelope = new
        {
            messageId,
            messageType = new[] { $"urn:message:{messageType}" },
            message,
            sentTime = DateTimeOffset.UtcNow,
        };
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, MassTransitJson));
        await channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false,
            basicProperties: new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = messageId.ToString(), Persistent = true },
            body: body);
    }
}
