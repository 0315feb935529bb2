using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace KiPlatform.AppHost.Telemetry;

/// <summary>
/// Hands the AppHost's <c>Telemetry:TraceSampleRatio</c> (e.g. <c>Telemetry__TraceSampleRatio=0.1</c>) to a service,
/// whose ServiceDefaults sample that share of new traces and refuse a ratio outside 0 to 1 at start.
/// </summary>
internal static class TraceSampling
{
    private const string RatioKey = "Telemetry:TraceSampleRatio";

    public static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> service, IConfiguration configuration) =>
        configuration[RatioKey] is { Length: > 0 } ratio
            ? service.WithEnvironment(RatioKey.Replace(":", "__", StringComparison.Ordinal), ratio)
            : service;
}
