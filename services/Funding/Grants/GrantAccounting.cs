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
        var owed = Owed(grant, vacancy, asOf);
        return new GrantFigures(asOf, grant.Amounts.TotalCents, grant.RevokedCents, grant.DisbursedCents, calledOffCents,
            Math.Max(0, grant.UnpaidCents - calledOffCents), owed, grant.RepayableCents, grant.InterestDue(asOf, baseRates), grant.RepaidCents,
            grant.InterestPaidCents);
    }

    /// <summary>What the grant owes so far: what was granted and not revoked, less the vacant posts of the months ended before <paramref name="asOf"/>.</summary>
    public static OwedFigures Owed(Grant grant, IReadOnlyList<VacantPostMonth> vacancy, DateOnly asOf) =>
        OwedAmount.Compute(grant.Amounts.TotalCents - grant.RevokedCents, grant.Amounts.Start, grant.PeriodEnd, grant.Rates, vacancy, asOf);
}
