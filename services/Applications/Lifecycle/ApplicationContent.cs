namespace KiPlatform.Applications.Lifecycle;

/// <summary>What the municipality writes into its application; anything may be missing while it is a draft.</summary>
public sealed record ApplicationContent
{
    /// <summary>Date of the council's resolution (Rats- or Kreistagsbeschluss) to set up the KI.</summary>
    public DateOnly? CouncilResolutionDate { get; init; }

    /// <summary>When the Integrationskonzept (the municipality's integration concept) was adopted.</summary>
    public DateOnly? ConceptAdoptedOn { get; init; }

    /// <summary>When the concept is to be adopted, if it is not yet; comes with <see cref="ConceptPlan"/>.</summary>
    public DateOnly? ConceptPlannedFor { get; init; }

    public string? ConceptPlan { get; init; }

    /// <summary>Where the KI sits in the administration.</summary>
    public string? OrganisationalPlacement { get; init; }

    /// <summary>Priorities in the statutory field "education along the education chain" (Bildung entlang der Bildungskette).</summary>
    public string? EducationPriority { get; init; }

    /// <summary>Priorities in the statutory field "integration across the administration" (Integration als Querschnittsaufgabe).</summary>
    public string? CrossCuttingPriority { get; init; }

    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public FteByCategory RequestedPosts { get; init; } = FteByCategory.None;
}
