using Grpc.Core;
using KiPlatform.Applications.V1;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KiPlatform.ReadsBench;

/// <summary>
/// The baselines: gRPC on Kestrel answering GetApplication from memory. Bare, it is as fast as this machine serves gRPC.
/// Instrumented, it also carries what every platform service carries on each call whatever its own work: the host's
/// defaults for its environment and the platform's OpenTelemetry (ServiceDefaults), exporting like the services do.
/// </summary>
internal static class BareServer
{
    public static async Task RunAsync(int port, string applicationFile, bool instrumented)
    {
        var application = Application.Parser.ParseFrom(await File.ReadAllBytesAsync(applicationFile));
        WebApplicationBuilder builder;
        if (instrumented)
        {
            builder = WebApplication.CreateBuilder();
            builder.ConfigureOpenTelemetry();
            // As in every service's appsettings.json: the host does not log each request.
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }
        else
        {
            builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(application);
        var app = builder.Build();
        app.MapGrpcService<StoredApplicationService>();
        await app.RunAsync();
    }

    private sealed class StoredApplicationService(Application application) : ApplicationService.ApplicationServiceBase
    {
        public override Task<Application> GetApplication(GetApplicationRequest request, ServerCallContext context) => Task.FromResult(application);
    }
}
