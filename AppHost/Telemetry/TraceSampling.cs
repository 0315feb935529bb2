using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace KiPlatform.AppHost.Telemetry;

/// <summary>
/// Which share of traces the services record. Aspire records every trace, which is what a developer wants and what no
/// production system affords: each span costs the service and the dashboard work on the request path.
/// <c>Telemetry:TraceSampleRatio</c> (0 to 1, e.g. <c>Telemetry__TraceSampleRatio=0.1</c>) makes the services
/// sample that share of new traces and follow the caller's decision for the rest, as a deployment would.
/// </summary>
internal static class TraceSampling
{
    public const string RatioKey = "Telemetry:TraceSampleRatio";

    /// <summary>The configured ratio, or null to record every trace; a ratio outside 0 to 1 is refused.</summary>
    public static double? Ratio(IConfiguration configuration)
    {
        var value = configuration[RatioKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"{RatioKey} must be a number from 0 to 1, not '{value}'.");
    }

    public static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> service, double? ratio) =>
        ratio is not { } share
            ? service
            // Runs after Aspire's own OTLP settings, so these replace its always_on sampler.
            : service
                .WithEnvironment("OTEL_TRACES_SAMPLER", "parentbased_traceidratio")
                .WithEnvironment("OTEL_TRACES_SAMPLER_ARG", share.ToString(CultureInfo.InvariantCulture));
}
