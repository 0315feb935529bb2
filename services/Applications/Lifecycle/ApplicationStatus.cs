namespace KiPlatform.Applications.Lifecycle;

/// <summary>Where an application stands; see <see cref="Application"/> for the transitions.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,

    /// <summary>Formal check (formale Prüfung).</summary>
    FormalReview,

    /// <summary>Documents requested from the municipality (Nachforderung).</summary>
    DocumentsRequested,

    /// <summary>Content check (inhaltliche Prüfung), where the ministries sign off.</summary>
    ContentReview,
    Approved,
    Rejected,
    Withdrawn,
}

public static class ApplicationStatuses
{
    /// <summary>Decided or withdrawn: nothing leaves these states.</summary>
    public static bool IsFinal(this ApplicationStatus status) =>
        status is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn;

    /// <summary>
    /// The states that make room for another application of the same municipality and period. Every other state counts
    /// against "one application per municipality and period", so an approved application also stands in the way.
    /// </summary>
    public static readonly ApplicationStatus[] MakingRoom = [ApplicationStatus.Rejected, ApplicationStatus.Withdrawn];

    public static bool BlocksAnother(this ApplicationStatus status) => !MakingRoom.Contains(status);
}
