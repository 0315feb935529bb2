using FluentValidation;
using Grpc.AspNetCore.Server;
using KiPlatform.Rpc.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiPlatform.Rpc;

/// <summary>
/// Refuses to start a service in which some RPC has no validator for its request or no access rule: a new RPC
/// cannot slip out unvalidated or open to every role.
/// </summary>
internal sealed class RpcConventionsCheck(EndpointDataSource endpoints, IServiceProviderIsService services, RpcAccessRules? rules = null) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var gaps = new List<string>();
        foreach (var method in endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method).OfType<Grpc.Core.IMethod>().DistinctBy(m => m.FullName))
        {
            if (PlatformRpcs.IsPlatform(method.FullName))
            {
                continue;
            }

            var requestType = method.GetType().GetGenericArguments()[0];
            if (!services.IsService(typeof(IValidator<>).MakeGenericType(requestType)))
            {
                gaps.Add($"{method.FullName} has no IValidator<{requestType.Name}>");
            }

            if (rules?.RolesFor(method.FullName) is null)
            {
                gaps.Add($"{method.FullName} has no access rule");
            }
        }

        return gaps.Count == 0
            ? Task.CompletedTask
            : throw new InvalidOperationException($"The service breaks the RPC conventions: {string.Join("; ", gaps)}.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
