using KiPlatform.Domain;

namespace KiPlatform.Funding.Grants;

public enum GrantStatus
{
    /// <summary>Computed from the approval; waiting for the issuer to commit it against the budget.</summary>
    Pending = 1,

    /// <summary>The budget left does not cover it: it waits, in approval order, for budget to be raised or released.</summary>
    QueuedForBudget = 2,

    /// <summary>The grant notice (Zuwendungsbescheid) is issued and its amount committed against the budget.</summary>
    Issued = 3,

    /// <summary>The notice can no longer be contested (bestandskräftig): money is called off, the proof of use awaited.</summary>
    Final = 4,

    /// <summary>Revoked in part (Widerruf) after review: a repayment claim, bearing interest, is open.</summary>
    RepaymentClaimed = 5,

    /// <summary>The proof of use was accepted, or the repayment claim settled: nothing more is due either way.</summary>
    Closed = 6,
}

/// <summary>The municipality a grant goes to: its AGS, official name and Regierungsbezirk.</summary>
public sealed record GrantRecipient(string Ags, string DisplayName, string GovernmentDistrict);

/// <summary>
/// One entry of a grant's history: what happened, when, and on whose account. A step that moves money names its
/// <paramref name="Kind"/>, amount and the day it took effect, so every figure on the grant is the sum of its history.
/// </summary>
public sealed record GrantStep(int Position, string What, DateTimeOffset At, string By, GrantMoneyKind? Kind = null, long? AmountCents = null, DateOnly? EffectiveOn = null);

/// <summary>What a history step did to the grant's money.</summary>
public enum GrantMoneyKind
{
    /// <summary>Money paid out to the municipality (a call-off or a tranche).</summary>
    Disbursed = 1,

    /// <summary>Part of the grant revoked (Widerruf).</summary>
    Revoked = 2,

    /// <summary>Principal repaid on the repayment claim.</summary>
    Repaid = 3,

    /// <summary>Interest paid on the repayment claim.</summary>
    InterestPaid = 4,
}

/// <summary>
/// The MAIS grant that follows the approval of one KI for one funding period: its figures, computed once from the
/// approval and the period's flat rates, and its way from pending through the budget queue to an issued, then final,
/// grant notice. Teacher posts are allocated posts, recorded here but never money.
/// </summary>
public sealed partial class Grant
{
    /// <summary>The time for legal remedy (Rechtsbehelfsfrist): a notice becomes final this many months after its date.</summary>
    public const int LegalRemedyMonths = 1;

    /// <summary>How every grant here is financed: fixed amounts per post (Festbetragsfinanzierung).</summary>
    public const string FinancingType = "Festbetragsfinanzierung";

    private readonly List<GrantStep> _steps = [];

    private Grant()
    {
    }

    public Guid Id { get; private init; }

    public Guid ApplicationId { get; private init; }

    public string Ags { get; private init; } = "";

    /// <summary>The municipality's official name, e.g. Kreis Soest: the notice's addressee.</summary>
    public string MunicipalityName { get; private init; } = "";

    /// <summary>The municipality's Regierungsbezirk.</summary>
    public string GovernmentDistrict { get; private init; } = "";

    public string PeriodId { get; private init; } = "";

    /// <summary>When both ministries had signed off: the order of the budget queue.</summary>
    public DateTimeOffset ApprovedAt { get; private init; }

    public int TeacherFteMilli { get; private init; }

    public MaisFte Fte { get; private init; } = null!;

    public GrantAmounts Amounts { get; private init; } = null!;

    /// <summary>The flat rates the grant was computed with: vacant posts are deducted at the same rates.</summary>
    public FlatRates Rates { get; private init; } = null!;

    /// <summary>The last day of the grant's funding period.</summary>
    public DateOnly PeriodEnd { get; private init; }

    public GrantStatus Status { get; private set; }

    /// <summary>The notice's readable number, <c>KI-{period}-{ags}-{nn}</c>, once issued.</summary>
    public string? Number { get; private set; }

    public DateOnly? NoticeDate { get; private set; }

    public DateOnly? FinalOn { get; private set; }

    /// <summary>Whether the municipality waived legal remedy (Rechtsbehelfsverzicht), making the notice final at once.</summary>
    public bool LegalRemedyWaived { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyList<GrantStep> Steps => _steps;

    public static Grant FromApproval(Guid applicationId, GrantRecipient recipient, string periodId, DateOnly periodEnd, DateTimeOffset approvedAt, int teacherFteMilli,
        MaisFte fte, FlatRates rates, GrantAmounts amounts, DateTimeOffset now)
    {
        var grant = new Grant
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = applicationId,
            Ags = recipient.Ags,
            MunicipalityName = recipient.DisplayName,
            GovernmentDistrict = recipient.GovernmentDistrict,
            PeriodId = periodId,
            ApprovedAt = approvedAt,
            TeacherFteMilli = teacherFteMilli,
            Fte = fte,
            Amounts = amounts,
            Rates = rates,
            PeriodEnd = periodEnd,
            ProofOfUseDueOn = periodEnd.AddMonths(ProofOfUseMonths),
            Status = GrantStatus.Pending,
        };
        grant.Record($"Computed from the approval: {amounts.Months} months from {amounts.Start:yyyy-MM-dd}", now, GrantActors.System);
        return grant;
    }

    /// <summary>Issues the notice; the caller has committed <see cref="GrantAmounts.TotalCents"/> against the budget in the same transaction.</summary>
    public void Issue(string number, DateOnly noticeDate, DateTimeOffset now)
    {
        EnsureIn(GrantStatus.Pending, GrantStatus.QueuedForBudget);
        Status = GrantStatus.Issued;
        Number = number;
        NoticeDate = noticeDate;
        Record($"Grant notice {number} issued", now, GrantActors.System);
    }

    /// <returns>True when the grant joined the queue now, false when it was waiting already.</returns>
    public bool QueueForBudget(long budgetLeftCents, DateTimeOffset now)
    {
        EnsureIn(GrantStatus.Pending, GrantStatus.QueuedForBudget);
        if (Status == GrantStatus.QueuedForBudget)
        {
            return false;
        }

        Status = GrantStatus.QueuedForBudget;
        Record($"Queued for budget: {budgetLeftCents / 100m:0.00} EUR left", now, GrantActors.System);
        return true;
    }

    /// <summary>
    /// The notice becomes final (bestandskräftig): <see cref="LegalRemedyMonths"/> after its date, or at once when the
    /// municipality waives legal remedy.
    /// </summary>
    public void BecomeFinal(DateOnly on, bool waived, string by, DateTimeOffset now)
    {
        EnsureIn(GrantStatus.Issued);
        Status = GrantStatus.Final;
        FinalOn = on;
        LegalRemedyWaived = waived;
        Record(waived ? "Legal remedy waived: the notice is final" : "The time for legal remedy has passed: the notice is final", now, by);
    }

    private void EnsureIn(params GrantStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolationException("STATE", Name, $"The grant is {Status}.", GrantReasons.StateTransitionNotAllowed);
        }
    }

    private void Record(string what, DateTimeOffset at, string by) => _steps.Add(new GrantStep(_steps.Count + 1, what, at, by));

    private void Record(string what, DateTimeOffset at, string by, GrantMoneyKind kind, long cents, DateOnly on) =>
        _steps.Add(new GrantStep(_steps.Count + 1, what, at, by, kind, cents, on));

    private long Sum(GrantMoneyKind kind) => _steps.Where(s => s.Kind == kind).Sum(s => s.AmountCents ?? 0);
}

public static class GrantStates
{
    /// <summary>The states whose amount is committed against the period's budget: from the notice on, whatever followed.</summary>
    public static readonly GrantStatus[] Committed = [GrantStatus.Issued, GrantStatus.Final, GrantStatus.RepaymentClaimed, GrantStatus.Closed];
}

public static class GrantActors
{
    /// <summary>The Funding service itself, acting on an event or a schedule.</summary>
    public const string System = "funding";
}

public static class GrantReasons
{
    public const string NotFound = "GRANT_NOT_FOUND";
    public const string StateTransitionNotAllowed = "STATE_TRANSITION_NOT_ALLOWED";
    public const string NoticeNotIssued = "NOTICE_NOT_ISSUED";
    public const string ProofOfUseAlreadySubmitted = "PROOF_OF_USE_ALREADY_SUBMITTED";
    public const string ProofOfUseNotSubmitted = "PROOF_OF_USE_NOT_SUBMITTED";
    public const string RevocationAboveGrant = "REVOCATION_ABOVE_GRANT";
    public const string RepaymentNotAsDue = "REPAYMENT_NOT_AS_DUE";
    public const string RepaymentBeforeRevocation = "REPAYMENT_BEFORE_REVOCATION";
}
