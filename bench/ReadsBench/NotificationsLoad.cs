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
        await UntilAsync(() => Volatile.Read(ref warmed) >= warmUp);

        var started = Stopwatch.GetTimestamp();
        await PublishAsync(publisher, perSecond, count, resource => published[resource] = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow));
        var publishing = Stopwatch.GetElapsedTime(started);
        await UntilAsync(() => Volatile.Read(ref received) >= count);

        var all = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await reader;
        Console.WriteLine($"Notices from events: {count} events published at {count / publishing.TotalSeconds:0}/s over {publishing.TotalSeconds:0.0} s " +
                          $"({count * 3} inbox items); {received} pushed live to MAIS after {all.TotalSeconds:0.0} s");
        Console.WriteLine($"  event -> inbox item:  {Percentiles(toInbox)}");
        Console.WriteLine($"  event -> live push:   {Percentiles(toPush)}");
    }

    private const int WarmUpSeconds = 3;

    /// <summary>Publishes <paramref name="count"/> events paced at <paramref name="perSecond"/>, telling <paramref name="sending"/> each one's resource first.</summary>
    private static async Task PublishAsync(IChannel publisher, int perSecond, int count, Action<string> sending)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            // Paced: the i-th event leaves at i / rate seconds, never in a burst ahead of it.
            var due = TimeSpan.FromSeconds((double)i / perSecond) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var submitted = new ApplicationSubmitted(Guid.NewGuid(), "05913", "2013", new PostFte(2.0m, 2.0m, 1.0m, 0.5m), DateTimeOffset.UtcNow);
            sending($"applications/{submitted.ApplicationId}");
            await BrokerEvents.PublishAsync(publisher, submitted);
        }
    }

    /// <summary>Returns once <paramref name="done"/> holds, or after two minutes: the figures then show what was missing.</summary>
    private static async Task UntilAsync(Func<bool> done)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (!done() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static string Percentiles(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "no samples";
        }

        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"p50 {At(0.50):0} ms, p95 {At(0.95):0} ms, p99 {At(0.99):0} ms, max {sorted[^1]:0} ms";
    }
}
