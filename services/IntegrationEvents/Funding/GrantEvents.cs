namespace KiPlatform.IntegrationEvents.Funding;

// Events of the Funding service about grants (grants/{GrantId}). Amounts are euro cents.

/// <summary>
/// A grant notice (Zuwendungsbescheid) was issued and its amount committed against the period's budget.
/// <paramref name="TeacherFteMilli"/> are the allocated teacher posts, never money.
/// </summary>
public sealed record GrantIssued(
    Guid GrantId, string Number, string Ags, string PeriodId, Guid ApplicationId, DateOnly NoticeDate, DateOnly Start, int Months,
    long SpecialistCents, long AdministrativeCents, long SupportCents, long TotalCents, int TeacherFteMilli, DateTimeOffset IssuedAt);

/// <summary>The budget left for the period does not cover the grant: it waits, in approval order, for budget.</summary>
public sealed record GrantQueuedForBudget(Guid GrantId, string Ags, string PeriodId, Guid ApplicationId, long TotalCents, long BudgetLeftCents, DateTimeOffset QueuedAt);

/// <summary>The grant notice became final (bestandskräftig) on <paramref name="FinalOn"/>: after its time for legal remedy, or at once when <paramref name="Waived"/>.</summary>
public sealed record GrantFinal(Guid GrantId, string Number, string Ags, string PeriodId, DateOnly FinalOn, bool Waived, DateTimeOffset BecameFinalAt);
