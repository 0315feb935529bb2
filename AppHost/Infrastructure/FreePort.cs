using System.Net;
using System.Net.Sockets;

namespace KiPlatform.AppHost.Infrastructure;

/// <summary>A loopback port nobody listens on right now, for the local servers and their side ports.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
