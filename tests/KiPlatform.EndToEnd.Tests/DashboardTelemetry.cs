using System.Net.Http.Json;
using System.Text.Json;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>What the dashboard shows an operator, read through its telemetry API (OTLP JSON).</summary>
internal sealed class DashboardTelemetry(PlatformFixture platform) : IDisposable
{
    /// <summary>OTLP span kinds.</summary>
    public const int ClientKind = 3;

    private readonly HttpClient _http = CreateClient(platform);

    public sealed record Span(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind);

    public sealed record LogRecord(string Service, DateTimeOffset Time, int SeverityNumber, string Category, string Message);

    /// <summary>Every span the dashboard holds (it keeps the most recent ones up to its limit).</summary>
    public async Task<IReadOnlyList<Span>> SpansAsync(CancellationToken cancellationToken)
    {
        var data = await GetAsync("/api/telemetry/spans?limit=100000", cancellationToken);
        return
        [
            .. data.GetProperty("resourceSpans").EnumerateArray().SelectMany(resource =>
                resource.GetProperty("scopeSpans").EnumerateArray()
                    .SelectMany(scope => scope.GetProperty("spans").EnumerateArray())
                    .Select(span => new Span(
                        ServiceName(resource),
                        span.GetProperty("traceId").GetString()!,
                        span.GetProperty("spanId").GetString()!,
                        span.TryGetProperty("parentSpanId", out var parent) ? parent.GetString() ?? "" : "",
                        span.GetProperty("name").GetString()!,
                        span.TryGetProperty("kind", out var kind) ? kind.GetInt32() : 0))),
        ];
    }

    /// <summary>Log records at <paramref name="minimumLevel"/> (a .NET LogLevel name) or above, from every service.</summary>
    public async Task<IReadOnlyList<LogRecord>> LogsAsync(string minimumLevel, CancellationToken cancellationToken)
    {
        var data = await GetAsync($"/api/telemetry/logs?severity={minimumLevel}&limit=100000", cancellationToken);
        return
        [
            .. data.GetProperty("resourceLogs").EnumerateArray().SelectMany(resource =>
                resource.GetProperty("scopeLogs").EnumerateArray().SelectMany(scope =>
                    scope.GetProperty("logRecords").EnumerateArray().Select(record => new LogRecord(
                        ServiceName(resource),
                        DateTimeOffset.UnixEpoch.AddTicks(long.Parse(record.GetProperty("timeUnixNano").GetString()!, System.Globalization.CultureInfo.InvariantCulture) / 100),
                        record.TryGetProperty("severityNumber", out var severity) ? severity.GetInt32() : 0,
                        scope.GetProperty("scope").TryGetProperty("name", out var name) ? name.GetString() ?? "" : "",
                        record.GetProperty("body").TryGetProperty("stringValue", out var body) ? body.GetString() ?? "" : "")))),
        ];
    }

    /// <summary>The trace as OTLP JSON, or null while the dashboard does not hold it.</summary>
    public async Task<JsonElement?> TraceAsync(string traceId, CancellationToken cancellationToken)
    {
        var response = await _http.GetAsync(new Uri($"/api/telemetry/traces/{traceId}", UriKind.Relative), cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken) : null;
    }

    /// <summary>The service.name of every resource that contributed spans to an OTLP JSON trace.</summary>
    public static HashSet<string> ServiceNames(JsonElement trace) =>
    [
        .. trace.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
            .Where(resourceSpans => resourceSpans.GetProperty("scopeSpans").EnumerateArray().Any(scope => scope.GetProperty("spans").GetArrayLength() > 0))
            .Select(ServiceName),
    ];

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("data");
    }

    private static string ServiceName(JsonElement resource) =>
        resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
            .Where(attribute => attribute.GetProperty("key").GetString() == "service.name")
            .Select(attribute => attribute.GetProperty("value").GetProperty("stringValue").GetString()!)
            .FirstOrDefault() ?? "";

    private static HttpClient CreateClient(PlatformFixture platform)
    {
        var http = new HttpClient { BaseAddress = platform.DashboardUrl };
        http.DefaultRequestHeaders.Add("x-api-key", platform.DashboardApiKey);
        return http;
    }
}
