using Grpc.Core;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing.V1;

namespace KiPlatform.Rpc.Tests;

/// <summary>Requests are validated before any work: INVALID_ARGUMENT naming each bad field as the contract spells it.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private WidgetServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await WidgetServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_malformed_name_is_refused_before_the_handler_runs()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.GetWidgetAsync(
            new GetWidgetRequest { Name = "widgets/1" }, WidgetServer.As(Roles.Laki), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.BadRequest().FieldViolations);
        Assert.Equal("name", violation.Field);
        Assert.Equal("MALFORMED_NAME", violation.Reason);
        Assert.Equal("MALFORMED_NAME", error.ErrorInfo().Reason);
        Assert.Empty(_server.Calls.Calls);
    }

    [Fact]
    public async Task A_missing_name_is_reported_as_required_not_as_malformed()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.GetWidgetAsync(
            new GetWidgetRequest { Name = "" }, WidgetServer.As(Roles.Laki), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        var violation = Assert.Single(error.BadRequest().FieldViolations);
        Assert.Equal(("name", "FIELD_REQUIRED"), (violation.Field, violation.Reason));
    }

    [Fact]
    public async Task Every_bad_field_is_reported_with_its_proto_path_and_reason()
    {
        var request = new CreateWidgetRequest
        {
            RequestId = "not-a-uuid",
            Parent = "municipalities/05111",
            Widget = new Widget { DisplayName = "", Size = 11 },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CreateWidgetAsync(
            request, WidgetServer.As(Roles.Laki), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.BadRequest().FieldViolations.ToDictionary(v => v.Field, v => v.Reason);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["request_id"] = "MALFORMED_REQUEST_ID",
                ["widget.display_name"] = "FIELD_REQUIRED",
                ["widget.size"] = "FIELD_OUT_OF_RANGE",
            },
            violations);
        Assert.Equal("INVALID_ARGUMENT", error.ErrorInfo().Reason);
        Assert.Contains("'display_name'", error.BadRequest().FieldViolations.Single(v => v.Field == "widget.display_name").Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_page_size_is_refused()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.ListWidgetsAsync(
            new ListWidgetsRequest { PageSize = -5 }, WidgetServer.As(Roles.Laki), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal("PAGE_SIZE_NEGATIVE", Assert.Single(error.BadRequest().FieldViolations).Reason);
    }
}
