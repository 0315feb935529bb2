using System.Diagnostics.Metrics;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>
/// Domain metrics on the dashboard (meter "KiPlatform.Applications"): applications by status, counted in the database
/// (so every instance reports the same truth after restarts), and the time from submission to decision.
/// </summary>
public sealed class ApplicationMetrics
{
    public const string MeterName = "KiPlatform.Applications";

    private readonly Histogram<double> _decisionTime;
    private volatile IReadOnlyDictionary<ApplicationStatus, int> _byStatus = new Dictionary<ApplicationStatus, int>();

    public ApplicationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _decisionTime = meter.CreateHistogram<double>("ki.applications.decision_time", unit: "d",
            description: "Days from submission to approval or rejection.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 7, 14, 30, 60, 90, 180, 365] });
        meter.CreateObservableGauge("ki.applications.by_status",
            () => _byStatus.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("status", s.Key.ToString()))),
            unit: "{application}", description: "Applications per status.");
    }

    public void RecordDecision(ApplicationStatus decision, TimeSpan sinceSubmission) =>
        _decisionTime.Record(sinceSubmission.TotalDays, new KeyValuePair<string, object?>("decision", decision.ToString()));

    public void UpdateCounts(IReadOnlyDictionary<ApplicationStatus, int> byStatus) =>
        _byStatus = Enum.GetValues<ApplicationStatus>().ToDictionary(s => s, s => byStatus.GetValueOrDefault(s));
}
