namespace KiPlatform.AppHost.Infrastructure;

/// <summary>How PostgreSQL, RabbitMQ and Redis are run. Services see the same connection strings either way.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when docker or podman answers, otherwise the machine's own server binaries.</summary>
    Auto,

    /// <summary>Containers through docker or podman.</summary>
    Containers,

    /// <summary>The machine's own server binaries, each an Aspire executable with its own data directory.</summary>
    Local,
}
