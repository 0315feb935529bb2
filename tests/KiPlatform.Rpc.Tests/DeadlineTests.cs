using Grpc.Core;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing.V1;

namespace KiPlatform.Rpc.Tests;

/// <summary>The caller's deadline reaches the handler's cancellation token, so the server stops working too.</summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private WidgetServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await WidgetServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_passed_deadline_cancels_the_handlers_work()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.WaitAsync(new WaitRequest(), WidgetServer.As(Roles.Laki),
            deadline: DateTime.UtcNow.AddMilliseconds(300), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        // Client and server each time the deadline. When the server's timer wins, it resets the stream, which the
        // in-memory test transport (unlike HTTP/2) surfaces as a reset rather than as the client's own deadline.
        Assert.True(
            error.StatusCode == StatusCode.DeadlineExceeded || error.Status.DebugException is Microsoft.AspNetCore.TestHost.HttpResetTestException,
            error.Status.ToString());
        // The handler waits on its cancellation token only; it records the call once that token has fired.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_server.Calls.Calls.Count == 0)
        {
            await Task.Delay(20, patience.Token);
        }

        Assert.Single(_server.Calls.Calls);
    }
}
