using System.Net.Sockets;

namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>
/// A health probe that speaks the first words of a server's own protocol. Connecting alone proves nothing: Aspire's
/// proxy accepts TCP connections before the server behind it listens.
/// </summary>
internal sealed record ProtocolProbe(string Protocol, byte[] Greeting, Func<ReadOnlyMemory<byte>, bool> IsServerReply)
{
    /// <summary>SSLRequest: a PostgreSQL server answers a single 'S' or 'N'.</summary>
    public static ProtocolProbe Postgres { get; } = new("PostgreSQL", [0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F], reply => reply.Span[0] is (byte)'S' or (byte)'N');

    /// <summary>PING: Redis answers +PONG, or -NOAUTH when a password is set; either way the server is up.</summary>
    public static ProtocolProbe Redis { get; } = new("Redis", "PING\r\n"u8.ToArray(), reply => reply.Span[0] is (byte)'+' or (byte)'-');

    /// <summary>The AMQP 0-9-1 protocol header: the broker answers with a method frame (type 1), Connection.Start.</summary>
    public static ProtocolProbe Amqp { get; } = new("AMQP", "AMQP\0\0\x09\x01"u8.ToArray(), reply => reply.Span[0] == 1);

    /// <summary>NAMES_REQ: epmd answers with its own port number (4 bytes) and the registered node names.</summary>
    public static ProtocolProbe Epmd { get; } = new("EPMD", [0, 1, 110], reply => reply.Length >= 4);

    public async Task<bool> AnswersAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Greeting, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return read > 0 && IsServerReply(buffer.AsMemory(0, read));
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
