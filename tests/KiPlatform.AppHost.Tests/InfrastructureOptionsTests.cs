using KiPlatform.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace KiPlatform.AppHost.Tests;

public sealed class InfrastructureOptionsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Defaults_to_auto_and_a_data_root_beside_the_app_host()
    {
        var options = InfrastructureOptions.From(Settings(), "/repo/AppHost");

        Assert.Equal(InfrastructureMode.Auto, options.Mode);
        Assert.Equal("/repo/.data", options.DataRoot);
    }

    [Theory]
    [InlineData("local", InfrastructureMode.Local)]
    [InlineData("Containers", InfrastructureMode.Containers)]
    [InlineData("AUTO", InfrastructureMode.Auto)]
    public void Reads_the_mode_in_any_case(string text, InfrastructureMode expected)
    {
        Assert.Equal(expected, InfrastructureOptions.From(Settings(("Infrastructure:Mode", text)), "/repo/AppHost").Mode);
    }

    [Fact]
    public void Refuses_an_unknown_mode_naming_the_valid_ones()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(() =>
            InfrastructureOptions.From(Settings(("Infrastructure:Mode", "kubernetes")), "/repo/AppHost"));

        Assert.Contains("auto, containers, local", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absolute_data_root_is_taken_as_it_is()
    {
        Assert.Equal("/tmp/ki-run", InfrastructureOptions.From(Settings(("Infrastructure:DataRoot", "/tmp/ki-run")), "/repo/AppHost").DataRoot);
    }
}
