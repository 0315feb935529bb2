using KiPlatform.Domain;
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

    [Theory]
    [InlineData("applications/0190d5f4-6d1c-7c3e-9a1b-2c3d4e5f6a7b", "ki.nrw/Application")]
    [InlineData("municipalities/05111", "ki.nrw/Municipality")]
    [InlineData("postPlans/05111", "ki.nrw/PostPlan")]
    [InlineData("municipalities/05111/widgets/1", "ki.nrw/Widget")]
    [InlineData("recipients/mais/inboxItems/7", "ki.nrw/InboxItem")]
    [InlineData("", "")]
    [InlineData("applications", "")]
    public void A_resource_name_tells_its_type(string name, string type) =>
        Assert.Equal(type, ResourceTypes.Of(name));

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
