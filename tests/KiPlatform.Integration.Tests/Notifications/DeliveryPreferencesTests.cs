using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Notifications;

/// <summary>Delivery preferences over gRPC against real PostgreSQL: the recipient's own, with etag and request id.</summary>
public sealed class DeliveryPreferencesTests(ServersFixture servers)
{
    private const string Name = "recipients/municipality-05966/deliveryPreferences";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static UpdateDeliveryPreferencesRequest Update(string address, string etag = "", params NotificationKind[] muted) => new()
    {
        DeliveryPreferences = new DeliveryPreferences { Name = Name, EmailAddress = address, Etag = etag, MutedKinds = { muted } },
        RequestId = Guid.NewGuid().ToString(),
    };

    [Fact]
    public async Task A_municipality_sets_its_address_and_mutes_a_kind_and_reads_them_back_with_an_etag()
    {
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}");
        var client = new DeliveryPreferencesService.DeliveryPreferencesServiceClient(host.Channel);
        var owner = Municipality("05966");

        var before = await client.GetDeliveryPreferencesAsync(new GetDeliveryPreferencesRequest { Name = Name }, owner, cancellationToken: Ct);
        var set = await client.UpdateDeliveryPreferencesAsync(Update("ki@kreis-olpe.example", "", NotificationKind.GrantFinal), owner, cancellationToken: Ct);
        var addressOnly = await client.UpdateDeliveryPreferencesAsync(new UpdateDeliveryPreferencesRequest
        {
            DeliveryPreferences = new DeliveryPreferences { Name = Name, EmailAddress = "integration@kreis-olpe.example", Etag = set.Etag },
            UpdateMask = new FieldMask { Paths = { "email_address" } },
            RequestId = Guid.NewGuid().ToString(),
        }, owner, cancellationToken: Ct);
        var stale = await Assert.ThrowsAsync<RpcException>(() => client.UpdateDeliveryPreferencesAsync(Update("x@kreis-olpe.example", set.Etag), owner, cancellationToken: Ct).ResponseAsync);
        var asAdmin = await client.GetDeliveryPreferencesAsync(new GetDeliveryPreferencesRequest { Name = Name }, As(Roles.Admin), cancellationToken: Ct);

        Assert.Equal(("", 0, ""), (before.EmailAddress, before.MutedKinds.Count, before.Etag));
        Assert.Equal(("ki@kreis-olpe.example", NotificationKind.GrantFinal), (set.EmailAddress, Assert.Single(set.MutedKinds)));
        Assert.Equal(("integration@kreis-olpe.example", NotificationKind.GrantFinal), (addressOnly.EmailAddress, Assert.Single(addressOnly.MutedKinds)));
        Assert.NotEqual(set.Etag, addressOnly.Etag);
        Assert.Equal((StatusCode.Aborted, "ETAG_MISMATCH"), (stale.StatusCode, stale.ErrorInfo().Reason));
        Assert.Equal(addressOnly, asAdmin);
    }

    [Fact]
    public async Task Preferences_are_the_recipients_own_and_a_bad_address_is_refused_changing_nothing()
    {
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}");
        var client = new DeliveryPreferencesService.DeliveryPreferencesServiceClient(host.Channel);

        var other = await Assert.ThrowsAsync<RpcException>(() => client.UpdateDeliveryPreferencesAsync(Update("a@b.example"), Municipality("05970"), cancellationToken: Ct).ResponseAsync);
        var ministry = await Assert.ThrowsAsync<RpcException>(() => client.GetDeliveryPreferencesAsync(new GetDeliveryPreferencesRequest { Name = Name }, Mais, cancellationToken: Ct).ResponseAsync);
        var admin = await Assert.ThrowsAsync<RpcException>(() => client.UpdateDeliveryPreferencesAsync(Update("a@b.example"), As(Roles.Admin), cancellationToken: Ct).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() =>
            client.UpdateDeliveryPreferencesAsync(Update("Kreis Olpe <ki@kreis-olpe.example>", "", NotificationKind.Unspecified), Municipality("05966"), cancellationToken: Ct).ResponseAsync);
        var after = await client.GetDeliveryPreferencesAsync(new GetDeliveryPreferencesRequest { Name = Name }, Municipality("05966"), cancellationToken: Ct);

        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (other.StatusCode, other.ErrorInfo().Reason));
        Assert.Equal((StatusCode.PermissionDenied, "OTHER_RECIPIENT"), (ministry.StatusCode, ministry.ErrorInfo().Reason));
        Assert.Equal(StatusCode.PermissionDenied, admin.StatusCode);
        Assert.Equal(
            [("delivery_preferences.email_address", "FIELD_MALFORMED"), ("delivery_preferences.muted_kinds[0]", "FIELD_INVALID")],
            malformed.BadRequest().FieldViolations.Select(v => (v.Field, v.Reason)).Order());
        Assert.Equal("", after.EmailAddress);
    }
}
