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
    /// Counts against "one application per municipality and period": everything but rejected and withdrawn ones, so an
    /// approved application also stands in the way of a second.
    /// </summary>
    public static bool BlocksAnother(this ApplicationStatus status) =>
        status is not (ApplicationStatus.Rejected or ApplicationStatus.Withdrawn);
}
