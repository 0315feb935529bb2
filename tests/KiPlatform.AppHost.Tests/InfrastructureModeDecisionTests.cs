using KiPlatform.AppHost.Infrastructure;

namespace KiPlatform.AppHost.Tests;

public sealed class InfrastructureModeDecisionTests
{
    private static readonly LocalServerBinaries AllBinaries = new("/usr/lib/postgresql/15/bin", "/usr/bin/redis-server", "/usr/lib/rabbitmq/bin/rabbitmq-server", "/usr/bin/epmd");
    private static readonly LocalServerBinaries NoBinaries = new(null, null, null, null);

    [Fact]
    public void Auto_takes_containers_when_a_runtime_answers()
    {
        Assert.Equal(InfrastructureMode.Containers, InfrastructureModeDecision.Decide(InfrastructureMode.Auto, () => true, NoBinaries));
    }

    [Fact]
    public void Auto_takes_local_binaries_when_no_runtime_answers()
    {
        Assert.Equal(InfrastructureMode.Local, InfrastructureModeDecision.Decide(InfrastructureMode.Auto, () => false, AllBinaries));
    }

    [Fact]
    public void Auto_with_neither_names_every_missing_binary_and_how_to_install_it()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(() =>
            InfrastructureModeDecision.Decide(InfrastructureMode.Auto, () => false, AllBinaries with { RedisServer = null, Epmd = null }));

        Assert.Contains("redis-server", error.Message, StringComparison.Ordinal);
        Assert.Contains("epmd", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("rabbitmq-server (package", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y postgresql redis-server rabbitmq-server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_never_asks_the_container_runtime()
    {
        var asked = false;
        var mode = InfrastructureModeDecision.Decide(InfrastructureMode.Local, () => asked = true, AllBinaries);

        Assert.Equal(InfrastructureMode.Local, mode);
        Assert.False(asked);
    }

    [Fact]
    public void Local_without_binaries_is_refused_even_when_a_runtime_answers()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(() =>
            InfrastructureModeDecision.Decide(InfrastructureMode.Local, () => true, AllBinaries with { PostgresBinDirectory = null }));

        Assert.Contains("postgres (package postgresql)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_without_a_runtime_is_refused_with_the_alternative()
    {
        var error = Assert.Throws<InfrastructureUnavailableException>(() =>
            InfrastructureModeDecision.Decide(InfrastructureMode.Containers, () => false, AllBinaries));

        Assert.Contains("Infrastructure:Mode=local", error.Message, StringComparison.Ordinal);
    }
}
