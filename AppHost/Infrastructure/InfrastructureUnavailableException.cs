namespace KiPlatform.AppHost.Infrastructure;

/// <summary>The infrastructure cannot be run as configured; the message says what to install or change.</summary>
public sealed class InfrastructureUnavailableException(string message) : Exception(message);
