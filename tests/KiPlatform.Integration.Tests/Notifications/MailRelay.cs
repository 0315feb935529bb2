using System.Net;
using System.Net.Sockets;

namespace KiPlatform.Integration.Tests.Notifications;

/// <summary>
/// A mail server that can be down: a port on 127.0.0.1 that refuses connections until <see cref="Up"/>, and then relays
/// each connection to the fixture's real mail server.
/// </summary>
internal sealed class MailRelay : IAsyncDisposable
{
    private readonly Uri _target;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;

    private MailRelay(Uri target, int port) => (_target, _port) = (target, port);

    /// <summary>smtp://127.0.0.1:{port}, refusing connections for now.</summary>
    public string ConnectionString => $"smtp://127.0.0.1:{_port}";

    public static MailRelay Down(string target)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new MailRelay(new Uri(target), port);
    }

    public void Up()
    {
        _listener = new TcpListener(IPAddress.Loopback, _port);
        _listener.Start();
        _ = RelayAsync(_listener, _stop.Token);
    }

    private async Task RelayAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = PipeAsync(client, cancellationToken);
        }
    }

    private async Task PipeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var _ = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target.Host, _target.Port, cancellationToken);
            var (fromClient, fromServer) = (client.GetStream(), server.GetStream());
            // Either side closing ends the conversation (SMTP: the server closes after QUIT).
            await Task.WhenAny(fromClient.CopyToAsync(fromServer, cancellationToken), fromServer.CopyToAsync(fromClient, cancellationToken));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // The test is over, or a side hung up.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        _stop.Dispose();
    }
}
