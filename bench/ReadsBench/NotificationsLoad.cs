using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using RabbitMQ.Client;

namespace KiPlatform.ReadsBench;

/// <summary>
/// Notifications under a steady stream of events: publishes <c>ApplicationSubmitted</c> events (each a notice to MAIS, MSW
/// and LaKI) on the stack's broker at a fixed rate, as Applications would, while MAIS holds a live inbox stream open. Per
/// event, after a warm-up at the same rate, it measures event to inbox (the item's creation time against the publish time) and event to live push (the
/// moment the stream delivers MAIS's item), and prints the rate reached with p50, p95 and p99 of both.
/// </summary>
internal static class NotificationsLoad
{
    public static async Task NoticesAsync(string notificationsAddress, string signingKey, string amqpUri, int perSecond, int seconds)
    {
        using var channel = GrpcChannel.ForAddress(notificationsAddress);
        var mais = new Metadata { { "authorization", $"Bearer {DevelopmentTokens.Create(signingKey, Roles.Mais, null, TimeSpan.FromHours(2), TimeProvider.System)}" } };
        var count = perSecond * seconds;
        var warmUp = perSecond * WarmUpSeconds;
        var warming = new ConcurrentDictionary<string, byte>();
        var warmed = 0;
        var published = new ConcurrentDictionary<string, (long Timestamp, DateTimeOffset At)>();
        var toInbox = new ConcurrentBag<double>();
        var toPush = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        using var stream = new InboxService.InboxServiceClient(channel).StreamInboxItems(new StreamInboxItemsRequest { Parent = "recipients/mais" }, mais, cancellationToken: stop.Token);
        var caughtUp = new TaskCompletionSource();
        var received = 0;
        var reader = Task.Run(async () =>
        {
            try
            {
                while (await stream.ResponseStream.MoveNext(stop.Token))
                {
                    var message = stream.ResponseStream.Current;
                    if (message.EventCase == StreamInboxItemsResponse.EventOneofCase.CaughtUp)
                    {
                        caughtUp.TrySetResult();
                    }
                    else if (warming.ContainsKey(message.Item.SubjectResource))
                    {
                        Interlocked.Increment(ref warmed);
                    }
                    else if (published.TryGetValue(message.Item.SubjectResource, out var sent))
                    {
                        toPush.Add(Stopwatch.GetElapsedTime(sent.Timestamp).TotalMilliseconds);
                        toInbox.Add((message.Item.CreateTime.ToDateTimeOffset() - sent.At).TotalMilliseconds);
                        Interlocked.Increment(ref received);
                    }
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
            }
        });
        await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var publisher = await connection.CreateChannelAsync();
        // Warming up at the same rate, unmeasured: the first seconds after a start measure JIT and empty pools, not the service.
        await PublishAsync(publisher, perSecond, warmUp, resource => warming[resource] = 0);
        await Steady.UntilAsync(() => Task.FromResult(Volatile.Read(ref warmed) >= warmUp));

        var started = Stopwatch.GetTimestamp();
        await PublishAsync(publisher, perSecond, count, resource => published[resource] = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow));
        var publishing = Stopwatch.GetElapsedTime(started);
        await Steady.UntilAsync(() => Task.FromResult(Volatile.Read(ref received) >= count));

        var all = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await reader;
        Console.WriteLine($"Notices from events: {count} events published at {count / publishing.TotalSeconds:0}/s over {publishing.TotalSeconds:0.0} s " +
                          $"({count * 3} inbox items); {received} pushed live to MAIS after {all.TotalSeconds:0.0} s");
        Console.WriteLine($"  event -> inbox item:  {Steady.Percentiles(toInbox)}");
        Console.WriteLine($"  event -> live push:   {Steady.Percentiles(toPush)}");
    }

    private const int WarmUpSeconds = 3;

    private static Task PublishAsync(IChannel publisher, int perSecond, int count, Action<string> sending) =>
        Steady.PacedAsync(perSecond, count, async _ =>
        {
            var submitted = new ApplicationSubmitted(Guid.NewGuid(), "05913", "2013", new PostFte(2.0m, 2.0m, 1.0m, 0.5m), DateTimeOffset.UtcNow);
            sending($"applications/{submitted.ApplicationId}");
            await BrokerEvents.PublishAsync(publisher, submitted);
        });
}
