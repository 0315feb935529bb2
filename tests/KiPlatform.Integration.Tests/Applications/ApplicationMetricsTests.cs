using System.Diagnostics.Metrics;
using KiPlatform.Applications.Lifecycle;
using KiPlatform.Applications.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationRequests;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Applications;

/// <summary>The domain metrics the dashboard shows: applications by status, and the time from submission to decision.</summary>
public sealed class ApplicationMetricsTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Counts_applications_by_status_and_measures_each_decision_once()
    {
        await using var host = await StartAsync(servers, Ct);
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var decisions = new MetricCollector<double>(meters, ApplicationMetrics.MeterName, "ki.applications.decision_time");
        using var byStatus = new MetricCollector<int>(meters, ApplicationMetrics.MeterName, "ki.applications.by_status");
        const string ags = "05974";
        var draft = await host.Applications.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        await host.Applications.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct);
        var reject = new RejectApplicationRequest { Name = draft.Name, RequestId = NewId(), Reason = "Kein Konzept" };

        await host.Applications.RejectApplicationAsync(reject, Mais, cancellationToken: Ct);
        await host.Applications.RejectApplicationAsync(reject, Mais, cancellationToken: Ct); // a retry: measured once

        var decision = Assert.Single(decisions.GetMeasurementSnapshot());
        Assert.Equal("Rejected", decision.Tags["decision"]);
        Assert.InRange(decision.Value, 0, 1);
        await Eventually.MatchesAsync(
            _ =>
            {
                byStatus.RecordObservableInstruments();
                return Task.FromResult(byStatus.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags["status"], "Rejected"))?.Value ?? 0);
            },
            rejected => rejected == 1,
            "the gauge counts the rejected application");
    }
}
