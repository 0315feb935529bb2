using KiPlatform.Domain;
using KiPlatform.Funding.Grants;

namespace KiPlatform.Funding.Disbursements;

public enum DisbursementKind
{
    /// <summary>Called off by the municipality (Mittelabruf) and approved by MAIS.</summary>
    CallOff = 1,

    /// <summary>A fixed tranche on 1 May or 1 October, paid by schedule.</summary>
    Tranche = 2,
}

public enum DisbursementStatus
{
    /// <summary>Called off; waiting for MAIS.</summary>
    Requested = 1,

    /// <summary>Approved by MAIS; paid on its payment date.</summary>
    Approved = 2,

    /// <summary>Refused by MAIS, with a reason.</summary>
    Refused = 3,

    /// <summary>Paid out on its payment date.</summary>
    Paid = 4,
}

/// <summary>
/// One payment out of a grant: a call-off (Mittelabruf) the municipality asks for with its need for the next two
/// months, which MAIS approves for a payment date or refuses; or a fixed tranche the schedule pays.
/// </summary>
public sealed class Disbursement
{
    /// <summary>Called off and not yet decided, or approved and not yet paid: what still holds part of the grant.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Disbursement, bool>> IsOpen =
        d => d.Status == DisbursementStatus.Requested || d.Status == DisbursementStatus.Approved;

    private Disbursement()
    {
    }

    public Guid Id { get; private init; }

    public Guid GrantId { get; private init; }

    public string Ags { get; private init; } = "";

    public string PeriodId { get; private init; } = "";

    public DisbursementKind Kind { get; private init; }

    public DisbursementStatus Status { get; private set; }

    public long AmountCents { get; private init; }

    /// <summary>The municipality's stated need for the next two months; none for a tranche.</summary>
    public long? TwoMonthNeedCents { get; private init; }

    public DateTimeOffset RequestedAt { get; private init; }

    public string RequestedBy { get; private init; } = "";

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? RefusalReason { get; private set; }

    public DateOnly? PaymentDate { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    /// <summary>The tranche date (1 May or 1 October) a tranche pays for; at most one tranche per grant and date.</summary>
    public DateOnly? TrancheOn { get; private init; }

    public uint Version { get; private set; }

    public static Disbursement CallOff(Grant grant, long amountCents, long twoMonthNeedCents, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        GrantId = grant.Id,
        Ags = grant.Ags,
        PeriodId = grant.PeriodId,
        Kind = DisbursementKind.CallOff,
        Status = DisbursementStatus.Requested,
        AmountCents = amountCents,
        TwoMonthNeedCents = twoMonthNeedCents,
        RequestedAt = now,
        RequestedBy = by,
    };

    public static Disbursement Tranche(Grant grant, DateOnly trancheOn, long amountCents, DateOnly paidOn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        GrantId = grant.Id,
        Ags = grant.Ags,
        PeriodId = grant.PeriodId,
        Kind = DisbursementKind.Tranche,
        Status = DisbursementStatus.Paid,
        AmountCents = amountCents,
        RequestedAt = now,
        RequestedBy = GrantActors.System,
        DecidedAt = now,
        DecidedBy = GrantActors.System,
        PaymentDate = paidOn,
        PaidAt = now,
        TrancheOn = trancheOn,
    };

    public void Approve(DateOnly paymentDate, DateOnly today, string by, DateTimeOffset now)
    {
        EnsureRequested();
        if (paymentDate < today)
        {
            throw new FieldViolationException("payment_date", $"The payment date cannot lie before today, {today:yyyy-MM-dd}.", DisbursementReasons.PaymentDateInPast);
        }

        (Status, PaymentDate, DecidedAt, DecidedBy) = (DisbursementStatus.Approved, paymentDate, now, by);
    }

    public void Refuse(string reason, string by, DateTimeOffset now)
    {
        EnsureRequested();
        (Status, RefusalReason, DecidedAt, DecidedBy) = (DisbursementStatus.Refused, reason, now, by);
    }

    /// <summary>Records the approved call-off as paid; the caller records the payment on its grant in the same transaction.</summary>
    public void MarkPaid(DateTimeOffset now)
    {
        if (Status != DisbursementStatus.Approved)
        {
            throw new InvalidOperationException($"Disbursement {Id} is {Status}, not approved.");
        }

        (Status, PaidAt) = (DisbursementStatus.Paid, now);
    }

    private void EnsureRequested()
    {
        if (Status != DisbursementStatus.Requested)
        {
            throw new RuleViolationException("STATE", DisbursementName.Format(GrantId, Id), $"The call-off is {Status}: it was decided already.",
                DisbursementReasons.NotRequested);
        }
    }
}
