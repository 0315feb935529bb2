using KiPlatform.Funding.Repayments;
using KiPlatform.Funding.Vacancies;

namespace KiPlatform.Funding.Grants;

/// <summary>A grant's figures as of a day; every one follows from its history, its vacancy figures and the base rates.</summary>
public sealed record GrantFigures(
    DateOnly AsOf, long GrantedCents, long RevokedCents, long DisbursedCents, long CalledOffCents, long LeftToCallOffCents,
    OwedFigures Owed, long RepayableCents, long InterestCents, long RepaidCents, long InterestPaidCents);

public static class GrantAccounting
{
    /// <param name="calledOffCents">Call-offs not refused and not yet paid.</param>
    public static GrantFigures Of(Grant grant, IReadOnlyList<VacantPostMonth> vacancy, long calledOffCents, DateOnly asOf, IReadOnlyList<BaseRate> baseRates)
    {
        var granted = grant.Amounts.TotalCents - grant.RevokedCents;
        var owed = OwedAmount.Compute(granted, grant.Amounts.Start, grant.PeriodEnd, grant.Rates, vacancy, asOf);
        return new GrantFigures(asOf, grant.Amounts.TotalCents, grant.RevokedCents, grant.DisbursedCents, calledOffCents,
            Math.Max(0, grant.UnpaidCents - calledOffCents), owed, grant.RepayableCents, grant.InterestDue(asOf, baseRates), grant.RepaidCents,
            grant.InterestPaidCents);
    }
}
