using Grpc.Core;
using Grpc.Health.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing.V1;
using Microsoft.Extensions.Time.Testing;

namespace KiPlatform.Rpc.Tests;

/// <summary>Every RPC needs a valid token with an allowed role, and a municipality reaches only its own data.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private static readonly GetWidgetRequest DuesseldorfWidget = new() { Name = "municipalities/05111/widgets/1" };

    private WidgetServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await WidgetServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var error = await RefusedAsync(new Metadata());

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(AuthorizationInterceptor.TokenMissing, error.ErrorInfo().Reason);
        Assert.Empty(_server.Calls.Calls);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated()
    {
        var twoHoursAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var expired = DevelopmentTokens.Create(WidgetServer.SigningKey, Roles.Laki, null, TimeSpan.FromHours(1), twoHoursAgo);

        var error = await RefusedAsync(WidgetServer.Bearer(expired));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(AuthorizationInterceptor.TokenExpired, error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task A_token_made_already_expired_is_refused_as_expired()
    {
        var expiredAnHourAgo = DevelopmentTokens.Create(WidgetServer.SigningKey, Roles.Laki, null, TimeSpan.FromHours(-1), TimeProvider.System);

        var error = await RefusedAsync(WidgetServer.Bearer(expiredAnHourAgo));

        Assert.Equal(AuthorizationInterceptor.TokenExpired, error.ErrorInfo().Reason);
    }

    [Theory]
    [InlineData("signed-with-another-key")]
    [InlineData("not-a-jwt")]
    public async Task A_token_with_a_wrong_signature_or_form_is_unauthenticated(string kind)
    {
        var token = kind == "not-a-jwt"
            ? "not-a-jwt"
            : DevelopmentTokens.Create(new string('x', 64), Roles.Admin, null, TimeSpan.FromHours(1), TimeProvider.System);

        var error = await RefusedAsync(WidgetServer.Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal(AuthorizationInterceptor.TokenInvalid, error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task A_role_the_access_rules_do_not_name_is_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _server.Client.PurgeWidgetsAsync(new PurgeWidgetsRequest(), WidgetServer.As(Roles.Laki), cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(AuthorizationInterceptor.RoleNotAllowed, error.ErrorInfo().Reason);
        Assert.Empty(_server.Calls.Calls);
    }

    [Fact]
    public async Task The_role_the_access_rules_name_is_let_through()
    {
        await _server.Client.PurgeWidgetsAsync(new PurgeWidgetsRequest(), WidgetServer.As(Roles.Admin), cancellationToken: Cancellation);

        Assert.Single(_server.Calls.Calls);
    }

    [Fact]
    public async Task A_municipality_reaching_for_another_municipalitys_data_is_refused()
    {
        var error = await RefusedAsync(WidgetServer.As(Roles.Municipality, "05334"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(Caller.OtherMunicipalityReason, error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task A_municipality_reads_its_own_data_and_the_ministries_read_everyones()
    {
        await _server.Client.GetWidgetAsync(DuesseldorfWidget, WidgetServer.As(Roles.Municipality, "05111"), cancellationToken: Cancellation);
        await _server.Client.GetWidgetAsync(DuesseldorfWidget, WidgetServer.As(Roles.Mais), cancellationToken: Cancellation);

        Assert.Equal(2, _server.Calls.Calls.Count);
    }

    [Fact]
    public async Task The_health_protocol_answers_without_a_token()
    {
        var reply = await new Health.HealthClient(_server.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: Cancellation);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    private async Task<RpcException> RefusedAsync(Metadata headers) =>
        await Assert.ThrowsAsync<RpcException>(() => _server.Client.GetWidgetAsync(DuesseldorfWidget, headers, cancellationToken: Cancellation).ResponseAsync);
}
