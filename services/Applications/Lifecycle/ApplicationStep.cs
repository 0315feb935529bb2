namespace KiPlatform.Applications.Lifecycle;

public enum StepAction
{
    Created,
    Submitted,
    Withdrawn,
    FormalReviewStarted,
    DocumentsRequested,
    DocumentsProvided,
    ContentReviewStarted,
    SignedOffByMais,
    SignedOffByMsw,
    Rejected,
}

/// <summary>One recorded step in an application's life: who did what, when and why. Never changed once written.</summary>
public sealed class ApplicationStep
{
    public required Guid ApplicationId { get; init; }

    /// <summary>Position in the application's history, from 1.</summary>
    public required int Sequence { get; init; }

    /// <summary>Copied from the application so a municipality's steps can be read without a join.</summary>
    public required string Ags { get; init; }

    public required StepAction Action { get; init; }
    public required ApplicationStatus FromStatus { get; init; }
    public required ApplicationStatus ToStatus { get; init; }
    public required string Actor { get; init; }
    public required string ActorRole { get; init; }
    public required DateTimeOffset At { get; init; }
    public string? Reason { get; init; }

    /// <summary>This step approved the application: from now on its municipality has a KI.</summary>
    public bool Approves => ToStatus == ApplicationStatus.Approved && FromStatus != ApplicationStatus.Approved;
}
