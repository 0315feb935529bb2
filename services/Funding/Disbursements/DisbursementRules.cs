using KiPlatform.Domain;
using KiPlatform.Funding.Grants;

namespace KiPlatform.Funding.Disbursements;

/// <summary>
/// When a municipality may call off money (Mittelabruf): only once the notice is final, at most its need for the next
/// two months, and at most what is left of the grant after every call-off not refused.
/// </summary>
public static class DisbursementRules
{
    public static void EnsureAllowed(string grantName, GrantStatus status, bool fixedTranches, long amountCents, long twoMonthNeedCents, long leftCents)
    {
        if (status != GrantStatus.Final)
        {
            throw new RuleViolationException("FINALITY", grantName,
                $"The grant is {status}: money is called off only once the notice is final (bestandskräftig).", DisbursementReasons.GrantNotFinal);
        }

        if (fixedTranches)
        {
            throw new RuleViolationException("TRANCHES", grantName,
                "The period pays in fixed tranches on 1 May and 1 October; there is nothing to call off.", DisbursementReasons.TranchesScheduled);
        }

        if (amountCents > twoMonthNeedCents)
        {
            throw new RuleViolationException("TWO_MONTH_NEED", grantName,
                $"{Eur(amountCents)} is more than the need of the next two months, {Eur(twoMonthNeedCents)}.", DisbursementReasons.AboveTwoMonthNeed);
        }

        if (amountCents > leftCents)
        {
            throw new RuleViolationException("GRANT_LEFT", grantName,
                $"{Eur(amountCents)} is more than is left of the grant, {Eur(leftCents)}.", DisbursementReasons.AboveGrantLeft);
        }
    }

    private static string Eur(long cents) => $"{cents / 100m:0.00} EUR";
}

public static class DisbursementReasons
{
    public const string NotFound = "DISBURSEMENT_NOT_FOUND";
    public const string GrantNotFinal = "GRANT_NOT_FINAL";
    public const string TranchesScheduled = "TRANCHES_SCHEDULED";
    public const string AboveTwoMonthNeed = "ABOVE_TWO_MONTH_NEED";
    public const string AboveGrantLeft = "ABOVE_GRANT_LEFT";
    public const string NotRequested = "DISBURSEMENT_NOT_REQUESTED";
    public const string PaymentDateInPast = "PAYMENT_DATE_IN_PAST";
}
