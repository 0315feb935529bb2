using Google.Protobuf;
using Grpc.Core;
using KiPlatform.Rpc.Security;
using KiPlatform.Rpc.Validation;
using KiPlatform.Testing.V1;

namespace KiPlatform.Rpc.Tests;

/// <summary>Requests no client generated from the protos would send are refused with a specific status, before any work.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const string CreateWidget = "ki.testing.v1.WidgetService/CreateWidget";

    private WidgetServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await WidgetServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, byte[]> UndecodableBodies() => new()
    {
        { "garbage", [0xff, 0xff, 0xff, 0xff, 0x0f, 0x01] },
        { "truncated", new CreateWidgetRequest { Parent = "municipalities/05111", RequestId = Guid.NewGuid().ToString() }.ToByteArray()[..10] },
        // Field 2 (parent), length 2, bytes that are no UTF-8.
        { "invalid UTF-8", [0x12, 0x02, 0xc3, 0x28] },
    };

    [Theory]
    [MemberData(nameof(UndecodableBodies))]
    public async Task A_body_that_cannot_be_decoded_is_a_malformed_request_and_reaches_no_handler(string kind, byte[] body)
    {
        var error = await _server.Channel.CreateCallInvoker().UnaryAsync(CreateWidget, body, new CallOptions(WidgetServer.As(Roles.Laki), cancellationToken: Ct));

        Assert.True(error?.StatusCode == StatusCode.InvalidArgument, $"{kind}: {error?.Status}");
        Assert.Equal(RequestDecoding.MalformedRequestReason, error!.ErrorInfo().Reason);
        Assert.Empty(_server.Calls.Calls);
    }

    [Fact]
    public async Task A_call_without_a_token_is_refused_before_its_body_is_read()
    {
        var error = await _server.Channel.CreateCallInvoker().UnaryAsync(CreateWidget, [0xff, 0xff, 0xff], new CallOptions(cancellationToken: Ct));

        Assert.Equal(StatusCode.Unauthenticated, error?.StatusCode);
        Assert.Equal(AuthorizationInterceptor.TokenMissing, error!.ErrorInfo().Reason);
    }

    [Theory]
    [InlineData("\0", "U+0000")]
    [InlineData("Amt\u001b[31m", "U+001B")]
    public async Task A_control_character_in_a_string_is_refused_naming_the_field_not_the_value(string text, string named)
    {
        var error = await CreateRefusedAsync(new Widget { DisplayName = text, Size = 1 });

        var violation = Assert.Single(error.BadRequest().FieldViolations);
        Assert.Equal(("widget.display_name", MessageLimits.ControlCharacterReason), (violation.Field, violation.Reason));
        Assert.Contains(named, violation.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Amt", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_pass_the_common_limits()
    {
        // The widget service leaves CreateWidget unimplemented: a call that passed validation ends there.
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CreateWidgetAsync(new CreateWidgetRequest
        {
            RequestId = Guid.NewGuid().ToString(), Parent = "municipalities/05111", Widget = new Widget { DisplayName = "Zeile 1\r\n\tZeile 2", Size = 1 },
        }, WidgetServer.As(Roles.Laki), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task An_oversized_string_is_refused_without_being_echoed()
    {
        var error = await CreateRefusedAsync(new Widget { DisplayName = new string('x', 1_000_000), Size = 1 });

        Assert.Equal(MessageLimits.TextTooLongReason, Assert.Single(error.BadRequest().FieldViolations).Reason);
        Assert.True(StatusSize(error) < 2_000, $"the status takes {StatusSize(error)} bytes");
    }

    [Fact]
    public async Task Too_many_entries_in_a_repeated_field_are_refused_as_one_violation()
    {
        var widget = new Widget { DisplayName = "Viele", Size = 1 };
        widget.Tags.AddRange(Enumerable.Repeat("t", MessageLimits.MaxEntries + 1));

        var error = await CreateRefusedAsync(widget);

        Assert.Equal(("widget.tags", MessageLimits.TooManyEntriesReason), (Assert.Single(error.BadRequest().FieldViolations).Field, error.BadRequest().FieldViolations[0].Reason));
    }

    [Fact]
    public async Task Violations_are_listed_up_to_a_bound_and_the_last_says_how_many_more()
    {
        var widget = new Widget { DisplayName = "Viele", Size = 1 };
        widget.Tags.AddRange(Enumerable.Repeat("zu lang", 500));

        var error = await CreateRefusedAsync(widget);

        var violations = error.BadRequest().FieldViolations;
        Assert.Equal(Errors.RpcErrors.MaxViolations, violations.Count);
        Assert.Contains("480 more", violations[^1].Description, StringComparison.Ordinal);
        Assert.True(StatusSize(error) < 8_000, $"the status takes {StatusSize(error)} bytes");
    }

    [Fact]
    public async Task An_enum_value_the_contract_does_not_declare_is_refused()
    {
        var error = await CreateRefusedAsync(new Widget { DisplayName = "Bunt", Size = 1, Colour = (Colour)42 });

        var violation = Assert.Single(error.BadRequest().FieldViolations);
        Assert.Equal(("widget.colour", MessageLimits.UnknownEnumValueReason), (violation.Field, violation.Reason));
    }

    private async Task<RpcException> CreateRefusedAsync(Widget widget)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.CreateWidgetAsync(
            new CreateWidgetRequest { RequestId = Guid.NewGuid().ToString(), Parent = "municipalities/05111", Widget = widget },
            WidgetServer.As(Roles.Laki), cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Empty(_server.Calls.Calls);
        return error;
    }

    private static int StatusSize(RpcException error) =>
        error.Status.Detail.Length + error.Trailers.Where(t => t.IsBinary).Sum(t => t.ValueBytes.Length);
}
