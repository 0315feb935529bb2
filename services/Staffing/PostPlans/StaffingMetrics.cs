using System.Diagnostics.Metrics;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>
/// Domain metrics on the dashboard (meter "KiPlatform.Staffing"): the FTE held and vacant today per ministry and category,
/// and the number of plans, counted from the database (every instance reports the same truth after restarts).
/// </summary>
public sealed class StaffingMetrics
{
    public const string MeterName = "KiPlatform.Staffing";

    private volatile IReadOnlyList<FteCount> _counts = [];
    private int _plans;

    public StaffingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("ki.staffing.plans", () => Volatile.Read(ref _plans), unit: "{plan}", description: "KIs with a post plan.");
        meter.CreateObservableGauge("ki.staffing.filled_fte", () => Measure(c => c.FilledMilli), unit: "{FTE}",
            description: "FTE held today in standing posts, per ministry and category.");
        meter.CreateObservableGauge("ki.staffing.vacant_fte", () => Measure(c => c.PlannedMilli - c.FilledMilli), unit: "{FTE}",
            description: "FTE of standing posts not held today, per ministry and category.");
    }

    public void UpdateCounts(int plans, IReadOnlyList<FteCount> counts)
    {
        Volatile.Write(ref _plans, plans);
        _counts = counts;
    }

    private IEnumerable<Measurement<double>> Measure(Func<FteCount, long> milli) =>
        _counts.Select(c => new Measurement<double>(milli(c) / 1000d,
            new KeyValuePair<string, object?>("ministry", c.Category.MinistryOf().ToString()),
            new KeyValuePair<string, object?>("category", c.Category.ToString())));
}

/// <summary>Thousandths of an FTE planned and held in one category on one day.</summary>
public sealed record FteCount(PostCategory Category, long PlannedMilli, long FilledMilli);
