namespace KiPlatform.Integration.Tests.Messaging;

/// <summary>
/// The event the messaging tests send; <see cref="Run"/> tells one test's events from another's. A probe with
/// <see cref="RelayAs"/> makes its consumer raise, through the outbox, a probe of that sequence.
/// </summary>
public sealed record Probe(Guid Run, int Sequence, bool Poison = false, int? RelayAs = null);

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
