using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>Healthy once the server behind <paramref name="endpoint"/> answers its <paramref name="probe"/>.</summary>
internal sealed class ProtocolProbeHealthCheck(EndpointReference endpoint, ProtocolProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy($"{endpoint.Resource.Name} has no port yet.");
        }

        return await probe.AnswersAsync(endpoint.Host, endpoint.Port, cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{endpoint.Resource.Name} does not answer the {probe.Protocol} protocol yet.");
    }
}
