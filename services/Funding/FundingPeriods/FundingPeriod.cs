namespace KiPlatform.Funding.FundingPeriods;

/// <summary>
/// A funding period with its MAIS budget and flat rates (Festbeträge, Festbetragsfinanzierung): amounts in euro cents,
/// configured per period, never constants in code.
/// </summary>
public sealed class FundingPeriod
{
    public required string Id { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required long BudgetCents { get; init; }

    /// <summary>Flat rate per full-time specialist or administrative post and year.</summary>
    public required long SpecialistRatePerFteYearCents { get; init; }

    /// <summary>Flat rate per full-time administrative post and year.</summary>
    public required long AdministrativeRatePerFteYearCents { get; init; }

    /// <summary>Flat rate for the half organisational-technical support post per year.</summary>
    public required long SupportRatePerHalfFteYearCents { get; init; }

    /// <summary>The rates a grant of this period is computed with, per FTE-year.</summary>
    public Grants.FlatRates Rates => new(SpecialistRatePerFteYearCents, AdministrativeRatePerFteYearCents, SupportRatePerHalfFteYearCents * 2);

    /// <summary>Row version (PostgreSQL xmin): the etag, and the guard against lost updates.</summary>
    public uint Version { get; init; }
}
