using Grpc.Core;

namespace KiPlatform.ServiceDefaults.Tests;

/// <summary>The downstream side: reports the credentials and deadline it received.</summary>
internal sealed class EchoService(TimeProvider clock) : Relay.RelayBase
{
    public override Task<EchoReply> Echo(EchoRequest request, ServerCallContext context) => Task.FromResult(new EchoReply
    {
        Authorization = context.RequestHeaders.GetValue("authorization") ?? "",
        DeadlineRemainingMs = context.Deadline == DateTime.MaxValue ? -1 : (long)(context.Deadline - clock.GetUtcNow().UtcDateTime).TotalMilliseconds,
    });
}

/// <summary>The upstream side: calls downstream through the typed client that the service defaults register.</summary>
internal sealed class ForwardingService(Relay.RelayClient downstream) : Relay.RelayBase
{
    public override async Task<EchoReply> Forward(EchoRequest request, ServerCallContext context) =>
        await downstream.EchoAsync(request, cancellationToken: context.CancellationToken);
}
