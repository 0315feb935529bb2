using Grpc.Core;
using KiPlatform.Messaging.Outbox;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing.V1;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Integration.Tests.Rpc;

/// <summary>Idempotent commands against real PostgreSQL: a repeated request_id does the work once.</summary>
public sealed class IdempotencyTests(ServersFixture servers) : IAsyncLifetime
{
    private StoredWidgetServer _server = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await StoredWidgetServer.StartAsync(servers, Cancellation);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static CreateWidgetRequest Create(string requestId, string displayName = "Lesekiste") => new()
    {
        RequestId = requestId,
        Parent = "municipalities/05111",
        Widget = new Widget { DisplayName = displayName, Size = 3 },
    };

    [Fact]
    public async Task A_repeated_request_returns_the_first_result_and_does_nothing_twice()
    {
        var request = Create(Guid.NewGuid().ToString());
        var headers = StoredWidgetServer.As(Roles.Mais);

        var first = await _server.Client.CreateWidgetAsync(request, headers, cancellationToken: Cancellation);
        var repeat = await _server.Client.CreateWidgetAsync(request, headers, cancellationToken: Cancellation);

        Assert.Equal(first, repeat);
        Assert.Equal(1, await _server.QueryAsync(db => db.Widgets.CountAsync(Cancellation)));
        Assert.Equal(1, await _server.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(Cancellation)));
    }

    [Fact]
    public async Task The_same_request_id_with_different_content_is_refused_and_changes_nothing()
    {
        var requestId = Guid.NewGuid().ToString();
        var headers = StoredWidgetServer.As(Roles.Mais);
        await _server.Client.CreateWidgetAsync(Create(requestId), headers, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _server.Client.CreateWidgetAsync(Create(requestId, "Something else"), headers, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(IdempotentCommands<WidgetDbContext>.RequestIdReusedReason, error.ErrorInfo().Reason);
        Assert.Equal("request_id", Assert.Single(error.BadRequest().FieldViolations).Field);
        Assert.Equal(["Lesekiste"], await _server.QueryAsync(db => db.Widgets.Select(w => w.DisplayName).ToListAsync(Cancellation)));
    }

    [Fact]
    public async Task Concurrent_repeats_of_one_request_have_one_effect_and_one_answer()
    {
        var request = Create(Guid.NewGuid().ToString());
        var headers = StoredWidgetServer.As(Roles.Mais);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _server.Client.CreateWidgetAsync(request, headers, cancellationToken: Cancellation).ResponseAsync));

        Assert.Single(answers.Distinct());
        Assert.Equal(1, await _server.QueryAsync(db => db.Widgets.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task Request_ids_are_kept_apart_per_caller()
    {
        var request = Create(Guid.NewGuid().ToString());

        var mais = await _server.Client.CreateWidgetAsync(request, StoredWidgetServer.As(Roles.Mais), cancellationToken: Cancellation);
        var municipality = await _server.Client.CreateWidgetAsync(request, StoredWidgetServer.As(Roles.Municipality, "05111"), cancellationToken: Cancellation);

        Assert.NotEqual(mais.Name, municipality.Name);
        Assert.Equal(2, await _server.QueryAsync(db => db.Widgets.CountAsync(Cancellation)));
    }

    [Fact]
    public async Task A_refused_command_records_nothing_so_a_corrected_caller_may_retry_with_the_same_id()
    {
        var request = Create(Guid.NewGuid().ToString());

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CreateWidgetAsync(
            request, StoredWidgetServer.As(Roles.Municipality, "05334"), cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await _server.QueryAsync(db => db.Set<IdempotencyRecord>().CountAsync(Cancellation)));
        Assert.Equal(0, await _server.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(Cancellation)));
    }
}
