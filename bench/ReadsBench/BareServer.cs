using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KiPlatform.ReadsBench;

/// <summary>How much of a platform service a baseline carries.</summary>
internal enum Baseline
{
    /// <summary>gRPC on Kestrel and nothing else: as fast as this machine serves gRPC.</summary>
    Bare,

    /// <summary>
    /// Plus what every platform service carries on each call whatever its own work: the host's defaults for its
    /// environment and the platform's OpenTelemetry (ServiceDefaults), exporting like the services do.
    /// </summary>
    Instrumented,

    /// <summary>
    /// Plus the platform's bearer authentication (ASP.NET Core's JWT bearer handler as the services configure it, valid
    /// tokens cached) and a refusal of unauthenticated calls: the framework's share of a service's own pipeline.
    /// </summary>
    Authenticated,
}

/// <summary>The baselines: gRPC on Kestrel answering GetApplication from memory, with as much of a service as <see cref="Baseline"/> says.</summary>
internal static class BareServer
{
    public static async Task RunAsync(Baseline baseline, int port, string applicationFile)
    {
        var application = Application.Parser.ParseFrom(await File.ReadAllBytesAsync(applicationFile));
        var authenticated = baseline == Baseline.Authenticated;
        WebApplicationBuilder builder;
        if (baseline == Baseline.Bare)
        {
            builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
        }
        else
        {
            builder = WebApplication.CreateBuilder();
            builder.ConfigureOpenTelemetry();
            // As in every service's appsettings.json: the host does not log each request.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        if (authenticated)
        {
            builder.AddPlatformAuthentication();
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new StoredAnswer(application, RequireAuthentication: authenticated));
        var app = builder.Build();
        if (authenticated)
        {
            app.UseAuthentication();
        }

        app.MapGrpcService<StoredApplicationService>();
        await app.RunAsync();
    }

    private sealed record StoredAnswer(Application Application, bool RequireAuthentication);

    private sealed class StoredApplicationService(StoredAnswer answer) : ApplicationService.ApplicationServiceBase
    {
        public override Task<Application> GetApplication(GetApplicationRequest request, ServerCallContext context) =>
            answer.RequireAuthentication && context.GetHttpContext().User.Identity?.IsAuthenticated != true
                ? throw new RpcException(new Status(StatusCode.Unauthenticated, "A valid bearer token is required."))
                : Task.FromResult(answer.Application);
    }
}
