using KiPlatform.Rpc.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every KiPlatform service shares: telemetry, health, service discovery and the gRPC plumbing.
/// A service's Program.cs calls <see cref="AddServiceDefaults{TBuilder}"/> and <see cref="MapDefaultEndpoints"/> once.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string LiveTag = "live";

    /// <summary>Activity sources and meters of libraries that do not register themselves with OpenTelemetry, and our own shared libraries.</summary>
    private static readonly string[] ExtraTelemetrySources = ["MassTransit", "KiPlatform.*"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        builder.AddGrpcDefaults();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(builder.Environment.ApplicationName)
                .AddMeter(ExtraTelemetrySources))
            .WithTracing(tracing => tracing
                .SetSampler(TraceSampling.FromConfiguration(builder.Configuration))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(ExtraTelemetrySources)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                    // Probes poll every few seconds; their spans would bury the requests that matter.
                    aspNetCore.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath)
                        && !context.Request.Path.StartsWithSegments("/grpc.health.v1.Health"))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Liveness answers only "is the process responsive"; everything a service depends on registers its own
        // (untagged) check and so counts towards readiness.
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps /health (readiness: the service and everything it depends on) and /alive (liveness) on the service's
    /// HTTP/1 health endpoint, in every environment, plus the gRPC health checking protocol and server reflection
    /// (anonymous in Development, behind a token elsewhere).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        var healthPort = HealthEndpoint.Port(app.Configuration);
        var readiness = new HealthCheckOptions { ResponseWriter = HealthResponses.WriteStatusOnly };
        var liveness = new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponses.WriteStatusOnly,
        };

        if (healthPort is int port)
        {
            app.UseHealthChecks(HealthEndpointPath, port, readiness);
            app.UseHealthChecks(AlivenessEndpointPath, port, liveness);
        }
        else
        {
            app.UseHealthChecks(HealthEndpointPath, readiness);
            app.UseHealthChecks(AlivenessEndpointPath, liveness);
        }

        // Authenticates every request and refuses an RPC without a valid token before its body is read; which roles may
        // call what is the gRPC authorization interceptor's decision.
        app.UseRpcAuthentication();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
