using KiPlatform.Applications.Lifecycle;

namespace KiPlatform.Applications.Municipalities;

/// <summary>
/// A Kreis or kreisfreie Stadt of NRW (municipality), identified by its official key, the AGS
/// (Amtlicher Gemeindeschlüssel): 5 digits, or 8 for the city of Aachen inside the StädteRegion Aachen.
/// </summary>
public sealed class Municipality
{
    public required string Ags { get; init; }
    public required string Name { get; init; }
    public required MunicipalityKind Kind { get; init; }

    /// <summary>Government district (Regierungsbezirk) the municipality belongs to.</summary>
    public required string GovernmentDistrict { get; init; }

    /// <summary>One of the 16 municipalities whose grant notices were issued together in the first wave.</summary>
    public required bool FirstWave { get; init; }

    /// <summary>When the municipality's first application was approved: from then on it has a KI.</summary>
    public DateTimeOffset? KiApprovedAt { get; private set; }

    public bool HasKi => KiApprovedAt is not null;

    /// <summary>An application of this municipality was approved by <paramref name="step"/>; the first approval counts.</summary>
    public void RecordApproval(ApplicationStep step)
    {
        if (step.Approves && step.Ags == Ags)
        {
            KiApprovedAt ??= step.At;
        }
    }

    /// <summary>Row version (PostgreSQL xmin): the etag, and the guard against lost updates.</summary>
    public uint Version { get; init; }
}
