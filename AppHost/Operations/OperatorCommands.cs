using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KiPlatform.AppHost.Operations;

/// <summary>What the dashboard's operator commands share.</summary>
internal static class OperatorCommands
{
    /// <summary>A command calls its service: it can be clicked only while the service is healthy.</summary>
    public static ResourceCommandState EnabledWhenHealthy(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;
}
