namespace KiPlatform.IntegrationEvents.Funding;

// Events of the Funding service about funding periods (fundingPeriods/{PeriodId}). Amounts are euro cents, FTE
// thousandths (1000 = 1.0 FTE).

/// <summary>
/// A funding period was added or changed; it carries the whole period as it now stands. <paramref name="Revision"/>
/// counts the period's changes: a copy kept elsewhere takes an event only when its revision is higher than the one held,
/// so a late or repeated event never rolls a copy back. Funding also publishes the current state of every period at each
/// start, so a copy made after the fact catches up.
/// </summary>
public sealed record FundingPeriodChanged(
    string PeriodId, int Revision, DateOnly StartDate, DateOnly EndDate, long BudgetCents,
    int TeacherCapMilli, int SpecialistCapMilli, int AdministrativeCapMilli, int SupportCapMilli, DateTimeOffset ChangedAt);

/// <summary>Admin changed the MAIS budget of a period, for <paramref name="Reason"/>.</summary>
public sealed record BudgetChanged(string PeriodId, long PreviousBudgetCents, long BudgetCents, long CommittedCents, string Reason, string ChangedBy, DateTimeOffset ChangedAt);
