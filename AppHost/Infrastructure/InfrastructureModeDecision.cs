namespace KiPlatform.AppHost.Infrastructure;

/// <summary>Chooses containers or local server binaries, or says exactly why neither can run.</summary>
internal static class InfrastructureModeDecision
{
    public const string InstallHint =
        "Install the server binaries (Debian/Ubuntu, as root: apt-get update && apt-get install -y postgresql redis-server rabbitmq-server) " +
        "or start a container runtime (docker or podman).";

    /// <param name="requested">The configured mode.</param>
    /// <param name="containerRuntimeAnswers">Asked only when the answer matters.</param>
    /// <param name="binaries">The server binaries found on this machine.</param>
    public static InfrastructureMode Decide(InfrastructureMode requested, Func<bool> containerRuntimeAnswers, LocalServerBinaries binaries)
    {
        switch (requested)
        {
            case InfrastructureMode.Containers when containerRuntimeAnswers():
                return InfrastructureMode.Containers;
            case InfrastructureMode.Containers:
                throw new InfrastructureUnavailableException(
                    "Infrastructure:Mode is 'containers', but neither 'docker info' nor 'podman info' answers. " +
                    "Start the container runtime, or run with Infrastructure:Mode=local.");
            case InfrastructureMode.Local when binaries.Missing.Count == 0:
                return InfrastructureMode.Local;
            case InfrastructureMode.Local:
                throw new InfrastructureUnavailableException(
                    $"Infrastructure:Mode is 'local', but these server binaries are missing: {string.Join(", ", binaries.Missing)}. {InstallHint}");
            default:
                if (containerRuntimeAnswers())
                {
                    return InfrastructureMode.Containers;
                }

                if (binaries.Missing.Count == 0)
                {
                    return InfrastructureMode.Local;
                }

                throw new InfrastructureUnavailableException(
                    $"No container runtime answers and these server binaries are missing: {string.Join(", ", binaries.Missing)}. {InstallHint}");
        }
    }
}
