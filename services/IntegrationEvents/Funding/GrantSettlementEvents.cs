namespace KiPlatform.IntegrationEvents.Funding;

// Events of the Funding service about a grant's life after its notice (grants/{GrantId}). Amounts are euro cents.

/// <summary>The municipality called off money (Mittelabruf); MAIS is to approve or refuse it.</summary>
public sealed record DisbursementRequested(Guid GrantId, Guid DisbursementId, string Number, string Ags, string PeriodId, long AmountCents, long TwoMonthNeedCents, DateTimeOffset RequestedAt);

/// <summary>MAIS refused a call-off, for <paramref name="Reason"/>.</summary>
public sealed record DisbursementRefused(Guid GrantId, Guid DisbursementId, string Number, string Ags, string PeriodId, long AmountCents, string Reason, DateTimeOffset RefusedAt);

/// <summary>Money was paid out of a grant on <paramref name="PaidOn"/>: an approved call-off, or a tranche when <paramref name="TrancheOn"/> is set.</summary>
public sealed record DisbursementPaid(
    Guid GrantId, Guid DisbursementId, string Number, string Ags, string PeriodId, long AmountCents, DateOnly PaidOn, DateOnly? TrancheOn, long DisbursedCents, DateTimeOffset PaidAt);

/// <summary>The proof of use falls due on <paramref name="DueOn"/>: a reminder four weeks (<paramref name="Reminder"/> 1) or one week (2) before.</summary>
public sealed record ProofOfUseDue(Guid GrantId, string Number, string Ags, string PeriodId, DateOnly DueOn, int Reminder, DateTimeOffset RemindedAt);

/// <summary>The proof of use, due on <paramref name="DueOn"/>, has not come: the grant is flagged overdue.</summary>
public sealed record ProofOfUseOverdue(Guid GrantId, string Number, string Ags, string PeriodId, DateOnly DueOn, DateTimeOffset FlaggedAt);

/// <summary>The municipality submitted its proof of use; MAIS is to review it.</summary>
public sealed record ProofOfUseSubmitted(Guid GrantId, string Number, string Ags, string PeriodId, DateTimeOffset SubmittedAt);

/// <summary>MAIS revoked <paramref name="RevokedCents"/> of the grant (Widerruf); <paramref name="RepayableCents"/> is to be repaid, with interest.</summary>
public sealed record GrantPartiallyRevoked(
    Guid GrantId, string Number, string Ags, string PeriodId, long RevokedCents, long RepayableCents, string Reason, DateOnly RevokedOn, DateTimeOffset RevokedAt);

/// <summary>
/// Nothing more is due on the grant: its proof of use was accepted, or its repayment claim settled
/// (<paramref name="RepaidCents"/> and <paramref name="InterestPaidCents"/>).
/// </summary>
public sealed record GrantClosed(Guid GrantId, string Number, string Ags, string PeriodId, long RepaidCents, long InterestPaidCents, DateTimeOffset ClosedAt);
