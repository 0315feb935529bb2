using Grpc.Core;
using Grpc.Net.Client.Configuration;
using KiPlatform.Rpc;
using KiPlatform.Rpc.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.Hosting;

/// <summary>gRPC server and client wiring shared by every service; the conventions themselves live in KiPlatform.Rpc.</summary>
public static class GrpcDefaults
{
    public static TBuilder AddGrpcDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpc(options =>
        {
            // Callers get a status and a message, never a stack trace; details are logged with the trace id.
            options.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        // The gRPC health checking protocol answers from the same ASP.NET Core health checks as /health.
        builder.Services.AddGrpcHealthChecks();
        // Its publisher (behind Watch) first runs the checks 5 s after start by default, while a service may still be
        // migrating its database and connecting to the broker: every start would log a readiness failure. Check
        // answers on demand anyway; Watch starts reporting once start-up is surely over.
        builder.Services.Configure<HealthCheckPublisherOptions>(options => options.Delay = TimeSpan.FromSeconds(30));
        builder.AddRpcConventions();
        return builder;
    }

    /// <summary>
    /// Registers a typed gRPC client for another KiPlatform service, found through service discovery
    /// (<c>http://{serviceName}</c>). The caller's deadline and cancellation, its bearer token and (through the
    /// HttpClient instrumentation) its trace context are passed on with every call; outside any call (a consumer, a
    /// scheduled job) it calls on the service's own account.
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : ClientBase
    {
        // Only a service that passes its callers on needs the current request at hand: the accessor costs every
        // request it serves (it keeps the request in an AsyncLocal that each await then carries).
        services.AddHttpContextAccessor();
        return services.AddPlatformGrpcClient<TClient>(serviceName)
            .EnableCallContextPropagation(options => options.SuppressContextNotFoundErrors = true)
            .AddCallCredentials(ForwardCallerAuthorization);
    }

    /// <summary>
    /// Registers a typed gRPC client that always calls on the service's own account (<see cref="ServiceCredentials"/>),
    /// for reference data the service may read whoever its caller is; the trace context still travels. It needs no
    /// current request at hand, so the service's own requests do not pay for one; a call made within an RPC passes that
    /// RPC's deadline and cancellation itself.
    /// </summary>
    public static IHttpClientBuilder AddOwnAccountGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : ClientBase =>
        services.AddPlatformGrpcClient<TClient>(serviceName)
            .AddCallCredentials((_, metadata, provider) =>
            {
                if (provider.GetRequiredService<ServiceCredentials>().Authorization() is { } authorization)
                {
                    metadata.Add("authorization", authorization);
                }

                return Task.CompletedTask;
            });

    private static IHttpClientBuilder AddPlatformGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : ClientBase
    {
        services.TryAddSingleton<ServiceCredentials>();
        return services
            .AddGrpcClient<TClient>(options => options.Address = new Uri($"http://{serviceName}"))
            .ConfigureChannel(channel =>
            {
                channel.ServiceConfig = new ServiceConfig { MethodConfigs = { RetryTransientUnavailable } };
                // Inside the cluster traffic is plain h2c (TLS ends at the ingress or the mesh), so the caller's
                // token must be allowed onto a channel without TLS.
                channel.UnsafeUseInsecureChannelCallCredentials = true;
            });
    }

    /// <summary>
    /// Retries a call only when the other service was not reachable (UNAVAILABLE): such a call did not run, so
    /// repeating it cannot double an effect.
    /// </summary>
    private static MethodConfig RetryTransientUnavailable => new()
    {
        Names = { MethodName.Default },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = 4,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(2),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };

    private static Task ForwardCallerAuthorization(AuthInterceptorContext context, Metadata metadata, IServiceProvider services)
    {
        var authorization = services.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            // No caller: a consumer or a scheduled job calls on the service's own account.
            authorization = services.GetRequiredService<ServiceCredentials>().Authorization();
        }

        if (!string.IsNullOrEmpty(authorization))
        {
            metadata.Add("authorization", authorization);
        }

        return Task.CompletedTask;
    }
}
