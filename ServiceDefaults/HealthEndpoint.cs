using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Finds the port of the HTTP/1 endpoint named "health" in the Kestrel configuration (Aspire writes
/// <c>Kestrel__Endpoints__health__Url</c>). Health probes are plain HTTP/1 requests; the gRPC endpoint speaks h2c only.
/// </summary>
internal static class HealthEndpoint
{
    public const string KestrelEndpointName = "health";

    public static int? Port(IConfiguration configuration)
    {
        var url = configuration[$"Kestrel:Endpoints:{KestrelEndpointName}:Url"];
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0 ? uri.Port : null;
    }
}
