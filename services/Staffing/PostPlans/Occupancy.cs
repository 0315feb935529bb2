namespace KiPlatform.Staffing.PostPlans;

/// <summary>Why someone left a post.</summary>
public enum VacateReason
{
    ContractEnded = 1,
    Resigned = 2,
    SecondmentEnded = 3,
    ParentalOrLongLeave = 4,
    Other = 5,
}

/// <summary>A staff member holding a share of a post from a first day to a last day (none: until further notice).</summary>
public sealed class Occupancy
{
    private Occupancy()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>Pseudonymous: what events, logs and other services see of the person.</summary>
    public string StaffId { get; private init; } = "";

    /// <summary>Personal data: shown only to those entitled, never logged, never on the bus.</summary>
    public string DisplayName { get; private init; } = "";

    /// <summary>Thousandths of an FTE, in steps of 100 (0.1 FTE).</summary>
    public int ShareMilli { get; private set; }

    public DateOnly From { get; private init; }

    public DateOnly? To { get; private set; }

    /// <summary>The secondment order (Abordnungsverfügung) that placed a teacher in the post; teacher posts only.</summary>
    public string? SecondmentReference { get; private init; }

    public VacateReason? VacateReason { get; private set; }

    public FilledSpan Span => new(From, To, ShareMilli);

    public bool HoldsOn(DateOnly day) => From <= day && (To is not { } end || day <= end);

    /// <summary>Whether the occupancy reaches <paramref name="day"/> or later.</summary>
    public bool ReachesOnOrAfter(DateOnly day) => To is not { } end || end >= day;

    internal static Occupancy Start(string staffId, string displayName, int shareMilli, DateOnly from, DateOnly? to, string? secondmentReference) => new()
    {
        Id = Guid.CreateVersion7(),
        StaffId = staffId,
        DisplayName = displayName,
        ShareMilli = shareMilli,
        From = from,
        To = to,
        SecondmentReference = secondmentReference,
    };

    internal Occupancy ContinueWithShare(int shareMilli, DateOnly from) =>
        Start(StaffId, DisplayName, shareMilli, from, To, SecondmentReference);

    internal void End(DateOnly lastDay, VacateReason? reason)
    {
        To = lastDay;
        VacateReason = reason;
    }
}
