using KiPlatform.Rpc.Security;
using System.Diagnostics;
using Grpc.Core;
using KiPlatform.Staffing.V1;

namespace KiPlatform.EndToEnd.Tests;

public sealed class TelemetryTests(PlatformFixture platform)
{
    [Fact]
    public async Task One_trace_of_a_call_reaches_the_dashboard_with_spans_from_both_services()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var traceparent = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01";
        var staffing = new PostPlanService.PostPlanServiceClient(platform.Channel("staffing", Roles.Msw));

        await staffing.GetPostPlanAsync(new GetPostPlanRequest { Name = "postPlans/05111" },
            headers: new Metadata { { "traceparent", traceparent } }, cancellationToken: TestContext.Current.CancellationToken);

        using var dashboard = new DashboardTelemetry(platform);
        var services = await Eventually.MatchesAsync(async cancellationToken =>
        {
            var trace = await dashboard.TraceAsync(traceId.ToString(), cancellationToken);
            return trace is { } json ? DashboardTelemetry.ServiceNames(json) : [];
        }, found => found.Contains("staffing") && found.Contains("applications"),
            $"trace {traceId} on the dashboard has spans from staffing and applications", TimeSpan.FromSeconds(60));

        Assert.Superset(new HashSet<string> { "staffing", "applications" }, services);
    }
}
