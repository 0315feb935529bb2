using KiPlatform.AppHost.Telemetry;
using Microsoft.Extensions.Configuration;

namespace KiPlatform.AppHost.Tests;

public sealed class TraceSamplingTests
{
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

    private static IConfiguration Configuration(string? ratio) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TraceSampling.RatioKey] = ratio }).Build();
}
