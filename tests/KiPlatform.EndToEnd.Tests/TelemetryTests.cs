using KiPlatform.Rpc.Security;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
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

        using var dashboard = new HttpClient { BaseAddress = platform.DashboardUrl };
        dashboard.DefaultRequestHeaders.Add("x-api-key", platform.DashboardApiKey);
        var services = await Eventually.ReturnsAsync(async cancellationToken =>
        {
            var response = await dashboard.GetAsync(new Uri($"/api/telemetry/traces/{traceId}", UriKind.Relative), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            var found = ServiceNames(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
            return found.Contains("staffing") && found.Contains("applications") ? found : null;
        }, TimeSpan.FromSeconds(60), $"trace {traceId} on the dashboard has spans from staffing and applications");

        Assert.Superset(new HashSet<string> { "staffing", "applications" }, services);
    }

    /// <summary>The service.name of every resource that contributed spans to an OTLP JSON trace.</summary>
    private static HashSet<string> ServiceNames(JsonElement trace) =>
    [
        .. trace.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .Where(resourceSpans => resourceSpans.GetProperty("scopeSpans").EnumerateArray().Any(scope => scope.GetProperty("spans").GetArrayLength() > 0))
            .SelectMany(resourceSpans => resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray())
            .Where(attribute => attribute.GetProperty("key").GetString() == "service.name")
            .Select(attribute => attribute.GetProperty("value").GetProperty("stringValue").GetString()!),
    ];
}
