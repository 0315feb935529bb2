using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace KiPlatform.Messaging.Outbox;

/// <summary>
/// An integration event waiting in the service's own database until the broker has confirmed it. It is written in
/// the same transaction as the state change that raised it, so either both happen or neither does.
/// </summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions BodyFormat = new(JsonSerializerDefaults.Web);

    /// <summary>Becomes the bus MessageId, which consumers deduplicate on. Version 7, so ordering by id is ordering by time.</summary>
    public Guid Id { get; init; }

    /// <summary>The CLR type of the event, "Namespace.Type, Assembly" without version, so a redeploy still resolves it.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    /// <summary>W3C trace context of the command that raised the event, so the consumer joins the same trace.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    internal static OutboxMessage Create<TEvent>(TEvent @event, DateTimeOffset now, Activity? current) where TEvent : class
    {
        var type = @event.GetType();
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = TypeName(type),
            Body = JsonSerializer.Serialize(@event, type, BodyFormat),
            TraceParent = current?.IdFormat == ActivityIdFormat.W3C ? current.Id : null,
            TraceState = current?.TraceStateString,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    /// <summary>Cached: Assembly.GetName() builds a new AssemblyName on every call.</summary>
    internal static string TypeName(Type type) => TypeNames.GetOrAdd(type, t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    private static readonly ConcurrentDictionary<Type, string> TypeNames = new();
}
