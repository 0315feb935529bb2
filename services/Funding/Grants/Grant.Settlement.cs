using KiPlatform.Domain;
using KiPlatform.Funding.Repayments;

namespace KiPlatform.Funding.Grants;

/// <summary>A deadline of the proof of use that a grant has reached.</summary>
public enum ProofOfUseDeadline
{
    /// <summary>Four weeks before the due date: the first reminder.</summary>
    FourWeeksBefore = 1,

    /// <summary>One week before the due date: the second reminder.</summary>
    OneWeekBefore = 2,

    /// <summary>The due date has passed without a proof of use.</summary>
    Overdue = 3,
}

/// <summary>
/// What a partial revocation (Widerruf) leaves to be repaid: the principal, from the day of the revocation, taken from
/// the payments in <paramref name="Parts"/> (interest runs on each part from its payment date).
/// </summary>
public sealed record RepaymentClaim(long PrincipalCents, DateOnly RevokedOn, IReadOnlyList<ClaimPart> Parts);

/// <summary>
/// The grant's life after the notice: money paid out, the proof of use (Verwendungsnachweis) and its review, which
/// closes the grant or revokes part of it with a repayment claim. Every figure is the sum of the money steps in the
/// history.
/// </summary>
public sealed partial class Grant
{
    /// <summary>The proof of use is due this many months after the funding period ends.</summary>
    public const int ProofOfUseMonths = 6;

    /// <summary>When the proof of use falls due.</summary>
    public DateOnly ProofOfUseDueOn { get; private init; }

    public DateTimeOffset? ProofOfUseSubmittedAt { get; private set; }

    /// <summary>How many reminders of the due date went out (four weeks, then one week before).</summary>
    public int ProofOfUseRemindersSent { get; private set; }

    /// <summary>The day the grant was flagged because its proof of use was overdue.</summary>
    public DateOnly? ProofOfUseOverdueSince { get; private set; }

    public RepaymentClaim? Claim { get; private set; }

    public long DisbursedCents => Sum(GrantMoneyKind.Disbursed);

    public long RevokedCents => Sum(GrantMoneyKind.Revoked);

    public long RepaidCents => Sum(GrantMoneyKind.Repaid);

    public long InterestPaidCents => Sum(GrantMoneyKind.InterestPaid);

    /// <summary>The principal of the repayment claim not yet repaid.</summary>
    public long RepayableCents => (Claim?.PrincipalCents ?? 0) - RepaidCents;

    /// <summary>What may still be paid out: the grant less what was revoked and what was paid.</summary>
    public long UnpaidCents => Amounts.TotalCents - RevokedCents - DisbursedCents;

    /// <summary>The payments made, each with its day: what a repayment claim is taken from.</summary>
    public IEnumerable<ClaimPart> Payments =>
        Steps.Where(s => s.Kind == GrantMoneyKind.Disbursed).Select(s => new ClaimPart(s.EffectiveOn!.Value, s.AmountCents!.Value));

    public void RecordPaid(long cents, DateOnly paidOn, string what, string by, DateTimeOffset now)
    {
        EnsureIn(GrantStatus.Final);
        Record(what, now, by, GrantMoneyKind.Disbursed, cents, paidOn);
    }

    /// <summary>The deadlines of the proof of use reached by <paramref name="today"/> and not yet acted on; it records them as acted on.</summary>
    public IReadOnlyList<ProofOfUseDeadline> ReachDeadlines(DateOnly today, DateTimeOffset now)
    {
        var reached = new List<ProofOfUseDeadline>();
        if (ProofOfUseSubmittedAt is not null || Status is not (GrantStatus.Issued or GrantStatus.Final))
        {
            return reached;
        }

        if (today > ProofOfUseDueOn)
        {
            if (ProofOfUseOverdueSince is null)
            {
                ProofOfUseOverdueSince = today;
                ProofOfUseRemindersSent = 2;
                reached.Add(ProofOfUseDeadline.Overdue);
                Record($"Proof of use overdue: it was due on {ProofOfUseDueOn:yyyy-MM-dd}", now, GrantActors.System);
            }

            return reached;
        }

        // A stack that missed the first reminder sends only the one that is current.
        var current = today >= ProofOfUseDueOn.AddDays(-7) ? 2 : today >= ProofOfUseDueOn.AddDays(-28) ? 1 : 0;
        if (current > ProofOfUseRemindersSent)
        {
            ProofOfUseRemindersSent = current;
            reached.Add((ProofOfUseDeadline)current);
            Record($"Reminded: the proof of use is due on {ProofOfUseDueOn:yyyy-MM-dd}", now, GrantActors.System);
        }

        return reached;
    }

    public void SubmitProofOfUse(string by, DateTimeOffset now)
    {
        EnsureIn(GrantStatus.Final);
        if (ProofOfUseSubmittedAt is not null)
        {
            throw new RuleViolationException("PROOF_OF_USE", Name, "The proof of use was submitted already.", GrantReasons.ProofOfUseAlreadySubmitted);
        }

        ProofOfUseSubmittedAt = now;
        Record("Proof of use (Verwendungsnachweis) submitted", now, by);
    }

    public void AcceptProofOfUse(string by, DateTimeOffset now)
    {
        EnsureReviewable();
        Status = GrantStatus.Closed;
        Record("Proof of use accepted: the grant is closed", now, by);
    }

    /// <summary>
    /// Revokes <paramref name="cents"/> of the grant (Widerruf). What was paid beyond the grant as revoked is to be repaid:
    /// a claim from <paramref name="on"/>, taken from the latest payments first; with nothing to repay the grant closes.
    /// </summary>
    public RepaymentClaim? RevokeInPart(long cents, string reason, DateOnly on, string by, DateTimeOffset now)
    {
        EnsureReviewable();
        if (cents > Amounts.TotalCents)
        {
            throw new RuleViolationException("REVOCATION", Name, $"{Eur(cents)} is more than the grant, {Eur(Amounts.TotalCents)}.", GrantReasons.RevocationAboveGrant);
        }

        Record($"Revoked in part (Widerruf): {Eur(cents)}. {reason}", now, by, GrantMoneyKind.Revoked, cents, on);
        var repayable = Math.Max(0, DisbursedCents - (Amounts.TotalCents - RevokedCents));
        if (repayable == 0)
        {
            Status = GrantStatus.Closed;
            Record("Nothing was paid beyond the grant as revoked: the grant is closed", now, by);
            return null;
        }

        Claim = new RepaymentClaim(repayable, on, RepaymentInterest.Allocate(repayable, Payments));
        Status = GrantStatus.RepaymentClaimed;
        Record($"Repayment claim: {Eur(repayable)}, with interest at 5 points above the base rate from each payment date", now, by);
        return Claim;
    }

    /// <summary>The interest the open claim bears up to <paramref name="repaidOn"/>.</summary>
    public long InterestDue(DateOnly repaidOn, IReadOnlyList<BaseRate> baseRates) =>
        Claim is null || RepayableCents == 0 ? 0 : RepaymentInterest.Compute(Claim.Parts, repaidOn, baseRates);

    /// <summary>Records the repayment of the whole claim with its interest up to <paramref name="repaidOn"/>, which closes the grant.</summary>
    /// <returns>The interest paid.</returns>
    public long RecordRepayment(DateOnly repaidOn, long amountCents, IReadOnlyList<BaseRate> baseRates, string by, DateTimeOffset now)
    {
        EnsureIn(GrantStatus.RepaymentClaimed);
        var claim = Claim!;
        if (repaidOn < claim.RevokedOn)
        {
            throw new RuleViolationException("REPAYMENT", Name, $"The claim arose on {claim.RevokedOn:yyyy-MM-dd}; it cannot be repaid before.",
                GrantReasons.RepaymentBeforeRevocation);
        }

        var principal = RepayableCents;
        var interest = InterestDue(repaidOn, baseRates);
        if (amountCents != principal + interest)
        {
            throw new RuleViolationException("REPAYMENT", Name,
                $"Repaid on {repaidOn:yyyy-MM-dd}, the claim is {Eur(principal)} plus {Eur(interest)} interest: {Eur(principal + interest)}.",
                GrantReasons.RepaymentNotAsDue);
        }

        Record($"Repaid: {Eur(principal)}", now, by, GrantMoneyKind.Repaid, principal, repaidOn);
        Record($"Interest paid: {Eur(interest)}", now, by, GrantMoneyKind.InterestPaid, interest, repaidOn);
        Status = GrantStatus.Closed;
        Record("Repayment claim settled: the grant is closed", now, by);
        return interest;
    }

    private void EnsureReviewable()
    {
        EnsureIn(GrantStatus.Final);
        if (ProofOfUseSubmittedAt is null)
        {
            throw new RuleViolationException("PROOF_OF_USE", Name, "No proof of use has been submitted to review.", GrantReasons.ProofOfUseNotSubmitted);
        }
    }

    private string Name => $"grants/{Id}";

    private static string Eur(long cents) => $"{cents / 100m:0.00} EUR";
}
