using Grpc.Core;
using KiPlatform.Applications.V1;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KiPlatform.ReadsBench;

/// <summary>The baseline: gRPC on Kestrel answering GetApplication from memory, as fast as this machine serves gRPC.</summary>
internal static class BareServer
{
    public static async Task RunAsync(int port, string applicationFile)
    {
        var application = Application.Parser.ParseFrom(await File.ReadAllBytesAsync(applicationFile));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
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
