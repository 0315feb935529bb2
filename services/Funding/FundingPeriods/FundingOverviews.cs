using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Names;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>The grants of one Regierungsbezirk in one state: committed (issued or final), queued for budget, or neither (pending).</summary>
internal sealed record DistrictSum(string GovernmentDistrict, bool Committed, bool Queued, long Cents, int Count);

/// <summary>One committed grant's money in a Regierungsbezirk: paid out, owed so far, and repayable.</summary>
internal sealed record GrantMoney(string GovernmentDistrict, long DisbursedCents, long OwedCents, long RepayableCents);

internal static class FundingOverviews
{
    public static FundingOverview Of(string periodId, long budgetCents, IEnumerable<DistrictSum> sums, IReadOnlyList<GrantMoney> money)
    {
        var all = sums.ToList();
        var committed = all.Where(s => s.Committed).Sum(s => s.Cents);
        return new FundingOverview
        {
            FundingPeriod = FundingPeriodName.Format(periodId),
            Budget = Euro.FromCents(budgetCents),
            Committed = Euro.FromCents(committed),
            Queued = Euro.FromCents(all.Where(s => s.Queued).Sum(s => s.Cents)),
            BudgetLeft = Euro.FromCents(budgetCents - committed),
            IssuedCount = all.Where(s => s.Committed).Sum(s => s.Count),
            QueuedCount = all.Where(s => s.Queued).Sum(s => s.Count),
            Disbursed = Euro.FromCents(money.Sum(m => m.DisbursedCents)),
            Owed = Euro.FromCents(money.Sum(m => m.OwedCents)),
            Repayable = Euro.FromCents(money.Sum(m => m.RepayableCents)),
            Districts =
            {
                all.GroupBy(s => s.GovernmentDistrict).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new DistrictFunding
                {
                    GovernmentDistrict = d.Key,
                    Committed = Euro.FromCents(d.Where(s => s.Committed).Sum(s => s.Cents)),
                    Queued = Euro.FromCents(d.Where(s => s.Queued).Sum(s => s.Cents)),
                    IssuedCount = d.Where(s => s.Committed).Sum(s => s.Count),
                    QueuedCount = d.Where(s => s.Queued).Sum(s => s.Count),
                    Disbursed = Euro.FromCents(money.Where(m => m.GovernmentDistrict == d.Key).Sum(m => m.DisbursedCents)),
                    Owed = Euro.FromCents(money.Where(m => m.GovernmentDistrict == d.Key).Sum(m => m.OwedCents)),
                    Repayable = Euro.FromCents(money.Where(m => m.GovernmentDistrict == d.Key).Sum(m => m.RepayableCents)),
                }),
            },
        };
    }
}
