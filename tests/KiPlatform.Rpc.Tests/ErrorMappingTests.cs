using Google.Rpc;
using Grpc.Core;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing.V1;

namespace KiPlatform.Rpc.Tests;

/// <summary>Every exception a handler may throw arrives as its own status, with an ErrorInfo in the ki.nrw domain.</summary>
public sealed class ErrorMappingTests : IAsyncLifetime
{
    private WidgetServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await WidgetServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("rule", StatusCode.FailedPrecondition, "WIDGET_FINAL")]
    [InlineData("not-found", StatusCode.NotFound, "WIDGET_NOT_FOUND")]
    [InlineData("exists", StatusCode.AlreadyExists, "WIDGET_EXISTS")]
    [InlineData("conflict", StatusCode.Aborted, "ETAG_MISMATCH")]
    [InlineData("ef-conflict", StatusCode.Aborted, "CONCURRENT_UPDATE")]
    [InlineData("denied", StatusCode.PermissionDenied, "NOT_YOURS")]
    [InlineData("transient", StatusCode.Unavailable, "BACKEND_UNAVAILABLE")]
    [InlineData("bug", StatusCode.Internal, "INTERNAL")]
    public async Task A_problem_becomes_its_status_with_a_stable_reason(string problem, StatusCode code, string reason)
    {
        var error = await FailAsync(problem);

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(reason, error.ErrorInfo().Reason);
        Assert.Equal("ki.nrw", error.ErrorInfo().Domain);
    }

    [Fact]
    public async Task A_rule_violation_names_the_rule_in_a_precondition_failure()
    {
        var error = await FailAsync("rule");

        var violation = Assert.Single(error.Detail<PreconditionFailure>().Violations);
        Assert.Equal("STATE", violation.Type);
        Assert.Equal("widgets/1", violation.Subject);
    }

    [Theory]
    [InlineData("not-found")]
    [InlineData("exists")]
    [InlineData("conflict")]
    public async Task A_problem_with_a_resource_names_the_resource_and_its_type(string problem)
    {
        var error = await FailAsync(problem);

        var resource = error.Detail<ResourceInfo>();
        Assert.Equal(("widgets/1", "ki.nrw/Widget"), (resource.ResourceName, resource.ResourceType));
    }

    [Fact]
    public async Task A_transient_fault_tells_the_caller_when_to_retry()
    {
        var error = await FailAsync("transient");

        Assert.True(error.Detail<RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
    }

    [Fact]
    public async Task An_unexpected_exception_reveals_no_internals_only_a_correlation_id()
    {
        var error = await FailAsync("bug");

        Assert.DoesNotContain("hunter2", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", error.Status.Detail, StringComparison.Ordinal);
        var correlationId = error.ErrorInfo().Metadata["correlation_id"];
        Assert.False(string.IsNullOrEmpty(correlationId));
        Assert.Contains(correlationId, error.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<RpcException> FailAsync(string problem) =>
        await Assert.ThrowsAsync<RpcException>(() => _server.Client.FailAsync(new FailRequest { Problem = problem },
            WidgetServer.As(Roles.Laki), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
}
