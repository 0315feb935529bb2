namespace KiPlatform.Integration.Tests.Messaging;

/// <summary>The event the messaging tests send; <see cref="Run"/> tells one test's events from another's.</summary>
public sealed record Probe(Guid Run, int Sequence, bool Poison = false);

/// <summary>What a consumer did with one probe: the effect whose count the tests check.</summary>
public sealed class Receipt
{
    public long Id { get; init; }

    public Guid Run { get; init; }

    public int Sequence { get; init; }

    public Guid MessageId { get; init; }

    public string Kind { get; init; } = "";

    public string? TraceId { get; init; }
}
