using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace KiPlatform.ReadsBench;

/// <summary>Integration events put on the stack's broker as their publishing service would: MassTransit's envelope and exchange.</summary>
internal static class BrokerEvents
{
    private static readonly JsonSerializerOptions MassTransitJson = new(JsonSerializerDefaults.Web);

    public static async Task PublishAsync<TEvent>(IChannel channel, TEvent @event) where TEvent : class
    {
        var exchange = $"{typeof(TEvent).Namespace}:{typeof(TEvent).Name}";
        var messageId = Guid.NewGuid();
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            messageId, messageType = new[] { $"urn:message:{exchange}" }, message = @event, sentTime = DateTimeOffset.UtcNow,
        }, MassTransitJson));
        await channel.BasicPublishAsync(exchange, "", mandatory: false,
            new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = messageId.ToString(), Persistent = true }, body);
    }
}
