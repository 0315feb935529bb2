using Grpc.Core;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing;
using MassTransit;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Notifications;

/// <summary>
/// The live inbox stream against real PostgreSQL, RabbitMQ and Redis. Events other tests publish reach these hosts too:
/// each test follows only the items about its own applications, and skips the rest.
/// </summary>
public sealed class InboxStreamTests(ServersFixture servers)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DocumentsRequested Requested(string ags) =>
        new(Guid.NewGuid(), ags, "2013", "Ratsbeschluss fehlt", new DateTimeOffset(2012, 10, 1, 9, 0, 0, TimeSpan.Zero));

    private static string About(Guid applicationId) => $"applications/{applicationId}";

    /// <summary>The next message that is about one of <paramref name="resources"/>, or the replay's end.</summary>
    private static async Task<StreamInboxItemsResponse> NextAsync(IAsyncStreamReader<StreamInboxItemsResponse> stream, params string[] resources)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Patience);
        while (await stream.MoveNext(deadline.Token))
        {
            var message = stream.Current;
            if (message.EventCase == StreamInboxItemsResponse.EventOneofCase.CaughtUp || resources.Contains(message.Item.SubjectResource))
            {
                return message;
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    [Fact]
    public async Task A_stream_on_one_instance_gets_at_once_the_item_another_instance_made_through_Redis()
    {
        var database = await servers.CreateDatabaseAsync(Ct);
        var queues = $"notifications-test-{Guid.NewGuid():N}";
        // Streams that would look by themselves only after an hour: what arrives in time came through a wake-up.
        await using var watching = await NotificationsServiceHost.StartAsync(servers, database, queues, streamPollInterval: TimeSpan.FromHours(1));
        await using var consuming = await NotificationsServiceHost.StartAsync(servers, database, queues, streamPollInterval: TimeSpan.FromHours(1));
        await watching.Services.GetRequiredService<IBusControl>().StopAsync(Ct); // so every event is the other instance's
        using var call = new InboxService.InboxServiceClient(watching.Channel)
            .StreamInboxItems(new StreamInboxItemsRequest { Parent = "recipients/mais" }, As(Roles.Mais), cancellationToken: Ct);
        var start = await NextAsync(call.ResponseStream);
        Assert.Equal(StreamInboxItemsResponse.EventOneofCase.CaughtUp, start.EventCase);

        var submitted = new ApplicationSubmitted(Guid.NewGuid(), "05515", "2013", new PostFte(2.0m, 2.0m, 1.0m, 0.5m), new DateTimeOffset(2012, 9, 3, 9, 0, 0, TimeSpan.Zero));
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, submitted, Guid.NewGuid());
        var pushed = await NextAsync(call.ResponseStream, About(submitted.ApplicationId));

        Assert.Equal(("Neuer Antrag: Münster", "ki.applications.v1.ApplicationSubmitted"), (pushed.Item.Subject, pushed.Item.EventType));
        Assert.StartsWith("recipients/mais/items/", pushed.Item.Name);
        Assert.NotEqual(start.Cursor, pushed.Cursor);
    }

    [Fact]
    public async Task A_reconnect_with_the_last_cursor_replays_what_came_meanwhile_in_order_once_and_then_goes_live()
    {
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}");
        var inbox = new InboxService.InboxServiceClient(host.Channel);
        var owner = Municipality("05158");
        var request = new StreamInboxItemsRequest { Parent = "recipients/municipality-05158" };
        var first = Requested("05158");
        string cursor;
        using (var call = inbox.StreamInboxItems(request, owner, cancellationToken: Ct))
        {
            await NextAsync(call.ResponseStream); // caught up
            await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, first, Guid.NewGuid());
            cursor = (await NextAsync(call.ResponseStream, About(first.ApplicationId))).Cursor;
        }

        // Disconnected: two more arrive meanwhile, while a transaction elsewhere in the cluster, begun before them, still runs.
        await using var older = new NpgsqlConnection(servers.PostgresConnectionString);
        await older.OpenAsync(Ct);
        await using var olderTransaction = await older.BeginTransactionAsync(Ct);
        await using (var takeId = new NpgsqlCommand("SELECT pg_current_xact_id()", older, olderTransaction))
        {
            await takeId.ExecuteScalarAsync(Ct);
        }

        var missed = new[] { Requested("05158"), Requested("05158") };
        foreach (var e in missed)
        {
            await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, e, Guid.NewGuid());
        }

        var ours = missed.Select(e => About(e.ApplicationId)).Append(About(first.ApplicationId)).ToArray();
        await Eventually.MatchesAsync(async ct => (await inbox.ListInboxItemsAsync(new ListInboxItemsRequest { Parent = request.Parent, PageSize = 100 }, owner, cancellationToken: ct))
            .Items.Count(i => ours.Contains(i.SubjectResource)), n => n == 3, "both missed items are in the inbox");

        using var resumed = inbox.StreamInboxItems(new StreamInboxItemsRequest { Parent = request.Parent, Cursor = cursor }, owner, cancellationToken: Ct);
        await resumed.ResponseHeadersAsync; // the stream's first look is done, with the missed items still above the horizon
        await olderTransaction.CommitAsync(Ct);
        var replayed = new List<string>();
        StreamInboxItemsResponse message;
        while ((message = await NextAsync(resumed.ResponseStream, ours)).EventCase == StreamInboxItemsResponse.EventOneofCase.Item)
        {
            replayed.Add(message.Item.SubjectResource);
        }

        Assert.Equal(missed.Select(e => About(e.ApplicationId)).Order(), replayed.Order());
        var live = Requested("05158");
        await ApprovalPublisher.PublishEventAsync(servers.MessagingConnectionString, live, Guid.NewGuid());
        Assert.Equal(About(live.ApplicationId), (await NextAsync(resumed.ResponseStream, [.. ours, About(live.ApplicationId)])).Item.SubjectResource);
    }

    [Fact]
    public async Task Only_the_recipient_itself_streams_its_inbox_and_a_malformed_cursor_is_refused_by_field()
    {
        await using var host = await NotificationsServiceHost.StartAsync(servers, await servers.CreateDatabaseAsync(Ct), $"notifications-test-{Guid.NewGuid():N}");
        var inbox = new InboxService.InboxServiceClient(host.Channel);

        async Task<RpcException> RefusedAsync(StreamInboxItemsRequest request, Metadata caller)
        {
            using var call = inbox.StreamInboxItems(request, caller, cancellationToken: Ct);
            return await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(Ct));
        }

        var otherMunicipality = await RefusedAsync(new StreamInboxItemsRequest { Parent = "recipients/municipality-05158" }, Municipality("05162"));
        var ministryOnMunicipality = await RefusedAsync(new StreamInboxItemsRequest { Parent = "recipients/municipality-05158" }, As(Roles.Mais));
        var municipalityOnLaki = await RefusedAsync(new StreamInboxItemsRequest { Parent = "recipients/laki" }, Municipality("05158"));
        var malformed = await RefusedAsync(new StreamInboxItemsRequest { Parent = "recipients/mais", Cursor = "gestern" }, As(Roles.Mais));

        Assert.All([otherMunicipality, ministryOnMunicipality, municipalityOnLaki], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal("cursor", Assert.Single(malformed.BadRequest().FieldViolations).Field);
    }
}
