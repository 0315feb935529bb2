using System.Diagnostics.Metrics;

namespace KiPlatform.Funding.Grants;

/// <summary>
/// Domain metrics on the dashboard (meter "KiPlatform.Funding"), per funding period and counted from the database, so
/// every instance reports the same truth: euros committed by issued notices, budget left, grants waiting for budget, euros
/// paid out, open repayment claims and overdue proofs of use.
/// </summary>
public sealed class FundingMetrics
{
    public const string MeterName = "KiPlatform.Funding";

    private volatile IReadOnlyList<PeriodFigures> _periods = [];

    public FundingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("ki.funding.committed", () => Measure(p => p.CommittedCents / 100d), unit: "EUR",
            description: "Euros committed by issued and final grant notices, per funding period.");
        meter.CreateObservableGauge("ki.funding.budget_left", () => Measure(p => (p.BudgetCents - p.CommittedCents) / 100d), unit: "EUR",
            description: "Budget not yet committed, per funding period.");
        meter.CreateObservableGauge("ki.funding.grants_queued", () => Measure(p => p.Queued), unit: "{grant}",
            description: "Grants waiting for budget, per funding period.");
        meter.CreateObservableGauge("ki.funding.disbursed", () => Measure(p => p.DisbursedCents / 100d), unit: "EUR",
            description: "Euros paid out (call-offs and tranches), per funding period.");
        meter.CreateObservableGauge("ki.funding.repayment_claims_open", () => Measure(p => p.OpenClaims), unit: "{claim}",
            description: "Repayment claims after a partial revocation not yet repaid, per funding period.");
        meter.CreateObservableGauge("ki.funding.proofs_overdue", () => Measure(p => p.OverdueProofs), unit: "{grant}",
            description: "Grants whose proof of use is past its due date and not submitted, per funding period.");
    }

    public void Update(IReadOnlyList<PeriodFigures> periods) => _periods = periods;

    private IEnumerable<Measurement<double>> Measure(Func<PeriodFigures, double> value) =>
        _periods.Select(p => new Measurement<double>(value(p), new KeyValuePair<string, object?>("period", p.PeriodId)));
}

/// <summary>
/// One funding period's budget, what its issued notices commit, how many grants wait, what was paid out, and how many
/// repayment claims and overdue proofs of use are open.
/// </summary>
public sealed record PeriodFigures(string PeriodId, long BudgetCents, long CommittedCents, int Queued, long DisbursedCents = 0, int OpenClaims = 0, int OverdueProofs = 0);
