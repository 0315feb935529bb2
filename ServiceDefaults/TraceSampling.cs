using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Which traces a service records. A trace starts only where something asked for work: a request served, a message
/// consumed, a background run that found work and started its own span. A database, cache or HTTP call with no parent
/// (a poll that found nothing, a health check's ping) starts none, so the dashboard's traces show requests rather than
/// the machinery polling underneath. Of the traces that do start, <c>Telemetry:TraceSampleRatio</c> (0 to 1) keeps
/// that share, as a deployment would sample; unset keeps every one. A span with a parent follows its parent's decision.
/// </summary>
public static class TraceSampling
{
    public const string RatioKey = "Telemetry:TraceSampleRatio";

    public static Sampler FromConfiguration(IConfiguration configuration)
    {
        Sampler roots = Ratio(configuration) is { } ratio ? new TraceIdRatioBasedSampler(ratio) : new AlwaysOnSampler();
        return new ParentBasedSampler(new WorkRootsSampler(roots));
    }

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

    /// <summary>Decides for spans that would start a trace: an outgoing call (client kind) never does.</summary>
    internal sealed class WorkRootsSampler(Sampler roots) : Sampler
    {
        private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            samplingParameters.Kind == ActivityKind.Client ? Drop : roots.ShouldSample(samplingParameters);
    }
}
