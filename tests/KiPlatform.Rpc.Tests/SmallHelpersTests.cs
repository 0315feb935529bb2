using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Rpc.Tests;

public sealed class SmallHelpersTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("RequestId", "request_id")]
    [InlineData("Widget.DisplayName", "widget.display_name")]
    [InlineData("Posts[1].FteMilli", "posts[1].fte_milli")]
    [InlineData("request_id", "request_id")]
    public void Property_paths_become_proto_field_paths(string property, string field) =>
        Assert.Equal(field, ProtoFieldPath.FromPropertyPath(property));

    [Fact]
    public void The_current_etag_and_no_etag_pass()
    {
        ETags.EnsureCurrent(ETags.Format(42), 42, "widgets/1");
        ETags.EnsureCurrent("", 42, "widgets/1");
    }

    [Theory]
    [InlineData("\"00000029\"")]
    [InlineData("garbage")]
    public void A_stale_or_foreign_etag_is_a_concurrency_conflict(string etag)
    {
        var conflict = Assert.Throws<ConcurrencyConflictException>(() => ETags.EnsureCurrent(etag, 42, "widgets/1"));

        Assert.Equal(ConcurrencyConflictException.StaleEtagReason, conflict.Reason);
        Assert.Equal("widgets/1", conflict.ResourceName);
    }
}
