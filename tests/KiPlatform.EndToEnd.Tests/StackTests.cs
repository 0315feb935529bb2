namespace KiPlatform.EndToEnd.Tests;

public sealed class StackTests(PlatformFixture platform)
{
    [Fact]
    public void Every_resource_is_running_and_healthy()
    {
        var description = platform.DescribeResources();
        Assert.DoesNotContain("unknown", description, StringComparison.Ordinal);
        Assert.All(description.Split("; "), entry => Assert.EndsWith("=Running/Healthy", entry, StringComparison.Ordinal));
    }
}
