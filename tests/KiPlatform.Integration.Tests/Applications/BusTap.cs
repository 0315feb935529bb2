using System.Text.Json;
using RabbitMQ.Client;

namespace KiPlatform.Integration.Tests.Applications;

/// <summary>
/// A queue of the test's own, bound to the exchanges MassTransit publishes the given event types to, so a test sees
/// every copy that reached the broker. Tests running beside it publish to the same exchanges: filter by what the test
/// owns (<see cref="About"/>).
/// </summary>
internal sealed class BusTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private BusTap(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<BusTap> StartAsync(string amqpUri, IEnumerable<Type> eventTypes)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpUri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync($"test-tap-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in eventTypes)
        {
            // MassTransit's exchange for a message type: "Namespace:TypeName", fanout and durable; declaring it first
            // is harmless and makes the binding possible before the first publish.
            var exchange = $"{type.Namespace}:{type.Name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        }

        return new BusTap(connection, channel, queue);
    }

    /// <summary>Takes every message waiting: its type's short name and its body's "message" object.</summary>
    public async Task<List<(string Type, JsonElement Message)>> DrainAsync()
    {
        var messages = new List<(string, JsonElement)>();
        while (await _channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            var type = envelope.RootElement.GetProperty("messageType")[0].GetString()!;
            messages.Add((type[(type.LastIndexOf(':') + 1)..], envelope.RootElement.GetProperty("message").Clone()));
        }

        return messages;
    }

    /// <summary>The messages about one application, by the applicationId every application event carries.</summary>
    public static List<(string Type, JsonElement Message)> About(IEnumerable<(string Type, JsonElement Message)> messages, string applicationName) =>
        messages.Where(m => $"applications/{m.Message.GetProperty("applicationId").GetString()}" == applicationName).ToList();

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
