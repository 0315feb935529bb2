using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace KiPlatform.AppHost.Infrastructure;

/// <summary>
/// A loopback port nobody listens on right now, for the local servers and their side ports. It is taken below the range
/// the kernel hands out for port 0 and for outgoing connections: a port from that range, free when chosen, was at times
/// taken by the orchestrator before the server started (RabbitMQ then stopped with dist_port_already_used).
/// </summary>
internal static class FreePort
{
    private const int Lowest = 20_000;
    private const int Attempts = 200;

    /// <summary>Where Linux keeps its range; elsewhere (and by Linux default) ports from 32768 up are handed out.</summary>
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
    private const int DefaultEphemeralStart = 32_768;

    public static int Next() => Next(EphemeralRangeStart(), Random.Shared);

    internal static int Next(int ephemeralStart, Random random)
    {
        // A range lowered into ours leaves nothing to choose from: the kernel's pick is the only choice then.
        if (ephemeralStart > Lowest)
        {
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var port = random.Next(Lowest, ephemeralStart);
                if (CanListen(port))
                {
                    return port;
                }
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port of the kernel's ephemeral range, from its "first last" line.</summary>
    internal static int ParseEphemeralStart(string? range) =>
        range?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var first, ..]
        && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? start
            : DefaultEphemeralStart;

    private static int EphemeralRangeStart() =>
        ParseEphemeralStart(File.Exists(EphemeralRangeFile) ? File.ReadAllText(EphemeralRangeFile) : null);

    private static bool CanListen(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
