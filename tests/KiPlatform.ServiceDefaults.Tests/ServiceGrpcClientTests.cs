using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.Rpc.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KiPlatform.ServiceDefaults.Tests;

/// <summary>
/// What a typed service client passes on of the call it is made within. Trace context travels with the real
/// HTTP handler only, so the end-to-end tests prove that one across real processes.
/// </summary>
public sealed class ServiceGrpcClientTests : IAsyncLifetime
{
    private WebApplication _downstream = null!;
    private WebApplication _upstream = null!;
    private GrpcChannel _channel = null!;

    public async ValueTask InitializeAsync()
    {
        _downstream = await TestServers.StartDownstreamAsync();
        _upstream = await TestServers.StartUpstreamAsync(_downstream);
        _channel = GrpcChannel.ForAddress("http://upstream.test",
            new GrpcChannelOptions { HttpHandler = new Http2ResponseHandler(_upstream.GetTestServer().CreateHandler()) });
    }

    private Relay.RelayClient Upstream => new(_channel);

    private static Metadata CallerToken { get; } = new() { { "authorization", $"Bearer {TestServers.Token()}" } };

    [Fact]
    public async Task Passes_the_callers_bearer_token_on()
    {
        var reply = await Upstream.ForwardAsync(new EchoRequest(), headers: CallerToken, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(CallerToken.GetValue("authorization"), reply.Authorization);
    }

    [Fact]
    public async Task Calls_on_the_services_own_account_where_no_caller_is_at_hand()
    {
        // As a consumer or a scheduled job calls: outside any request.
        var downstream = _upstream.Services.GetRequiredService<Relay.RelayClient>();

        var reply = await downstream.EchoAsync(new EchoRequest(), cancellationToken: TestContext.Current.CancellationToken);

        var token = new JsonWebToken(reply.Authorization["Bearer ".Length..]);
        Assert.Equal(Roles.Service, token.GetClaim(PlatformClaims.Role).Value);
        Assert.StartsWith("service-", token.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passes_the_callers_deadline_on()
    {
        var reply = await Upstream.ForwardAsync(new EchoRequest(), headers: CallerToken, deadline: DateTime.UtcNow.AddSeconds(20),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(reply.DeadlineRemainingMs, 1, 20_000);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _upstream.DisposeAsync();
        await _downstream.DisposeAsync();
    }
}
