namespace KiPlatform.Applications.Lifecycle;

public enum DocumentType
{
    CouncilResolution,
    IntegrationConcept,
    OrganisationChart,
    StaffingPlan,
    Other,
}

/// <summary>Metadata of a document the municipality keeps elsewhere; the hash lets a reviewer check the copy they get.</summary>
public sealed record DocumentMetadata(string Title, DocumentType Type, DateOnly DocumentDate, string Sha256, long SizeBytes);

public sealed class ApplicationDocument
{
    public required Guid ApplicationId { get; init; }

    /// <summary>Order of attachment, from 1.</summary>
    public required int Position { get; init; }

    public required string Title { get; init; }
    public required DocumentType Type { get; init; }
    public required DateOnly DocumentDate { get; init; }
    public required string Sha256 { get; init; }
    public required long SizeBytes { get; init; }
    public required DateTimeOffset AttachedAt { get; init; }
    public required string AttachedBy { get; init; }
}
