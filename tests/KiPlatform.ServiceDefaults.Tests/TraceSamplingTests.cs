using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace KiPlatform.ServiceDefaults.Tests;

public sealed class TraceSamplingTests
{
    private static readonly Sampler RecordAll = TraceSampling.FromConfiguration(Configuration(null));

    [Theory]
    [InlineData(ActivityKind.Server)]
    [InlineData(ActivityKind.Consumer)]
    [InlineData(ActivityKind.Producer)]
    [InlineData(ActivityKind.Internal)]
    public void A_span_that_asks_for_work_starts_a_trace(ActivityKind kind) =>
        Assert.Equal(SamplingDecision.RecordAndSample, RecordAll.ShouldSample(Root(kind)).Decision);

    [Fact]
    public void A_database_or_cache_call_with_no_parent_starts_no_trace() =>
        Assert.Equal(SamplingDecision.Drop, RecordAll.ShouldSample(Root(ActivityKind.Client)).Decision);

    [Fact]
    public void A_database_call_inside_a_recorded_request_is_recorded()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: false);

        var decision = RecordAll.ShouldSample(new SamplingParameters(parent, parent.TraceId, "postgresql", ActivityKind.Client)).Decision;

        Assert.Equal(SamplingDecision.RecordAndSample, decision);
    }

    [Fact]
    public void A_ratio_of_zero_starts_no_trace_even_for_a_request() =>
        Assert.Equal(SamplingDecision.Drop, TraceSampling.FromConfiguration(Configuration("0")).ShouldSample(Root(ActivityKind.Server)).Decision);

    [Fact]
    public void Without_a_ratio_every_trace_is_recorded() =>
        Assert.Null(TraceSampling.Ratio(Configuration(null)));

    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("0", 0.0)]
    [InlineData("1", 1.0)]
    public void A_ratio_from_zero_to_one_is_taken(string value, double expected) =>
        Assert.Equal(expected, TraceSampling.Ratio(Configuration(value)));

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("a tenth")]
    public void Any_other_ratio_is_refused_naming_the_setting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TraceSampling.Ratio(Configuration(value)));

        Assert.Contains(TraceSampling.RatioKey, error.Message, StringComparison.Ordinal);
    }

    private static SamplingParameters Root(ActivityKind kind) => new(default, ActivityTraceId.CreateRandom(), "span", kind);

    private static IConfiguration Configuration(string? ratio) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TraceSampling.RatioKey] = ratio }).Build();
}
