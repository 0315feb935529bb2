using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KiPlatform.AppHost.Infrastructure.Local;

internal static class LocalServerBuilder
{
    /// <summary>
    /// Adds a server binary as an executable with one TCP endpoint; the resource is healthy once the server answers
    /// <paramref name="probe"/>. The server listens on <paramref name="fixedPort"/>, or on a free loopback port (read it
    /// with <see cref="ServerPort"/>). The endpoint is not proxied: DCP's user-space proxy cost more CPU than the
    /// servers themselves under load (measured with bench/outbox.sh), and clients reach the server directly.
    /// </summary>
    public static IResourceBuilder<LocalServerResource> AddLocalServer(
        this IDistributedApplicationBuilder builder,
        string name,
        string command,
        string workingDirectory,
        ProtocolProbe probe,
        Func<EndpointReference, ReferenceExpression> connectionString,
        int? fixedPort = null)
    {
        var resource = new LocalServerResource(name, command, workingDirectory, connectionString);
        var healthCheckKey = $"{name}-answers-{probe.Protocol.ToLowerInvariant()}";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new ProtocolProbeHealthCheck(resource.Endpoint, probe), failureStatus: null, tags: null));
        return builder.AddResource(resource)
            .WithEndpoint(LocalServerResource.EndpointName, endpoint =>
            {
                var port = fixedPort ?? FreePort.Next();
                endpoint.UriScheme = "tcp";
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.IsProxied = false;
            })
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>The port the server binary itself must listen on.</summary>
    public static EndpointReferenceExpression ServerPort(this IResourceBuilder<LocalServerResource> server) =>
        server.Resource.Endpoint.Property(EndpointProperty.TargetPort);
}
