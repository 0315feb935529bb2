using FluentValidation;
using Grpc.AspNetCore.Server;
using KiPlatform.Rpc.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.Rpc;

/// <summary>
/// Refuses to start a service in which some RPC has no validator for its request or no access rule: a new RPC
/// cannot slip out unvalidated or open to every role. It runs as the request pipeline is built, once every endpoint
/// is mapped and before the server listens.
/// </summary>
internal sealed class RpcConventionsCheck : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        var services = app.ApplicationServices;
        Check(services.GetRequiredService<EndpointDataSource>(), services.GetRequiredService<IServiceProviderIsService>(), services.GetService<RpcAccessRules>());
    };

    private static void Check(EndpointDataSource endpoints, IServiceProviderIsService services, RpcAccessRules? rules)
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

        if (gaps.Count > 0)
        {
            throw new InvalidOperationException($"The service breaks the RPC conventions: {string.Join("; ", gaps)}.");
        }
    }
}
