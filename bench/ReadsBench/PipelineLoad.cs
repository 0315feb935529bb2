using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.Applications.V1;
using KiPlatform.Funding.V1;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Security;
using RabbitMQ.Client;

namespace KiPlatform.ReadsBench;

/// <summary>
/// Approvals through the whole platform at a steady offered rate: publishes <c>ApplicationApproved</c> events on the
/// stack's broker as Applications would (for the period of the month ahead, cycling through the 54 municipalities,
/// since each has one application per period through the contract), and follows each to the end of its pipeline:
/// Staffing plans it (once per municipality and period), Funding decides its grant (issued, or queued once the budget
/// is spent) and Notifications tells the municipality of that grant in its inbox. Prints the rate reached and, per
/// approval after a warm-up, approval -> grant notice in the municipality's inbox (the item's creation time against the
/// publish time), p50/p95/p99.
/// </summary>
internal static class PipelineLoad
{
    private const int WarmUpSeconds = 3;

    public static async Task ApprovalsAsync(string applicationsAddress, string fundingAddress, string notificationsAddress, string signingKey, string amqpUri, int perSecond, int seconds)
    {
        var periodId = $"{Domain.StateCalendar.Today(TimeProvider.System).AddMonths(1).Year}";
        using var applications = GrpcChannel.ForAddress(applicationsAddress);
        using var funding = GrpcChannel.ForAddress(fundingAddress);
        using var notifications = GrpcChannel.ForAddress(notificationsAddress);
        var mais = Bearer(signingKey, Roles.Mais, null);
        var municipalities = (await new MunicipalityService.MunicipalityServiceClient(applications).ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageSize = 60 }, mais))
            .Municipalities.Select(m => m.Ags).ToArray();
        var overview = new GetFundingOverviewRequest { FundingPeriod = $"fundingPeriods/{periodId}" };
        var periods = new FundingPeriodService.FundingPeriodServiceClient(funding);
        var decidedBefore = Decided(await periods.GetFundingOverviewAsync(overview, mais));

        var warmUp = perSecond * WarmUpSeconds;
        var count = perSecond * seconds;
        var published = new ConcurrentDictionary<Guid, (int Index, DateTimeOffset At)>();
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var publisher = await connection.CreateChannelAsync();
        var started = Stopwatch.GetTimestamp();
        await Steady.PacedAsync(perSecond, warmUp + count, async i =>
        {
            var approved = new ApplicationApproved(Guid.NewGuid(), municipalities[i % municipalities.Length], periodId, new PostFte(2.0m, 2.0m, 1.0m, 0.5m), DateTimeOffset.UtcNow);
            published[approved.ApplicationId] = (i, approved.ApprovedAt);
            await BrokerEvents.PublishAsync(publisher, approved);
        });
        var publishing = Stopwatch.GetElapsedTime(started);

        await Steady.UntilAsync(async () => Decided(await periods.GetFundingOverviewAsync(overview, mais)) - decidedBefore >= warmUp + count, seconds: 300);
        var decided = Stopwatch.GetElapsedTime(started);

        // Which grant answers which approval, then each municipality's inbox until it tells of every one of its grants.
        var grantOf = new Dictionary<string, (int Index, DateTimeOffset At)>();
        var computedAfter = new List<double>();
        var decidedAfter = new List<double>();
        var decidedAt = new Dictionary<string, DateTimeOffset>();
        var grants = new GrantService.GrantServiceClient(funding);
        var page = new ListGrantsRequest { FundingPeriod = overview.FundingPeriod, PageSize = 100 };
        do
        {
            var listed = await grants.ListGrantsAsync(page, mais);
            foreach (var grant in listed.Grants)
            {
                if (Guid.TryParse(grant.Application["applications/".Length..], out var id) && published.TryGetValue(id, out var sent))
                {
                    grantOf[grant.Name] = sent;
                    // Where the time goes: the grant's history says when Funding computed it and when it was decided.
                    decidedAt[grant.Name] = grant.History[^1].Time.ToDateTimeOffset();
                    if (sent.Index >= warmUp)
                    {
                        computedAfter.Add((grant.History[0].Time.ToDateTimeOffset() - sent.At).TotalMilliseconds);
                        decidedAfter.Add((decidedAt[grant.Name] - grant.History[0].Time.ToDateTimeOffset()).TotalMilliseconds);
                    }
                }
            }

            page.PageToken = listed.NextPageToken;
        }
        while (page.PageToken.Length > 0);

        var told = new ConcurrentDictionary<string, double>();
        var owners = municipalities.ToDictionary(ags => ags, ags => Bearer(signingKey, Roles.Municipality, ags));
        var inbox = new InboxService.InboxServiceClient(notifications);
        await Steady.UntilAsync(async () =>
        {
            await Parallel.ForEachAsync(municipalities, async (ags, ct) =>
            {
                var request = new ListInboxItemsRequest { Parent = $"recipients/municipality-{ags}", PageSize = 100 };
                do
                {
                    var listed = await inbox.ListInboxItemsAsync(request, owners[ags], cancellationToken: ct);
                    foreach (var item in listed.Items.Where(i => grantOf.ContainsKey(i.SubjectResource)))
                    {
                        told[item.SubjectResource] = (item.CreateTime.ToDateTimeOffset() - grantOf[item.SubjectResource].At).TotalMilliseconds;
                    }

                    request.PageToken = listed.NextPageToken;
                }
                while (request.PageToken.Length > 0);
            });
            return told.Count >= grantOf.Count;
        }, seconds: 120);
        var notified = told.IsEmpty ? 0 : told.Values.Max();

        var measured = told.Where(t => grantOf[t.Key].Index >= warmUp).Select(t => t.Value).ToList();
        var toldAfterDecided = told.Where(t => grantOf[t.Key].Index >= warmUp).Select(t => t.Value - (decidedAt[t.Key] - grantOf[t.Key].At).TotalMilliseconds).ToList();
        Console.WriteLine($"Approvals through the platform at {perSecond}/s offered: {warmUp + count} published in {publishing.TotalSeconds:0.0} s " +
                          $"({(warmUp + count) / publishing.TotalSeconds:0}/s), every grant decided after {decided.TotalSeconds:0.0} s " +
                          $"({(warmUp + count) / decided.TotalSeconds:0} approvals/s), {told.Count} of {grantOf.Count} grant notices in the inboxes, the last {notified / 1000:0.0} s after its approval");
        Console.WriteLine($"  approval -> grant notice in the inbox (after a {WarmUpSeconds} s warm-up): {Steady.Percentiles(measured)}");
        Console.WriteLine($"    approval -> grant computed (Funding's consumer): {Steady.Percentiles(computedAfter)}");
        Console.WriteLine($"    computed -> issued or queued (Funding's issuer):  {Steady.Percentiles(decidedAfter)}");
        Console.WriteLine($"    decided -> notice in the inbox (outbox, Notifications): {Steady.Percentiles(toldAfterDecided)}");
    }

    /// <summary>Grants issued or waiting for budget: each approval ends in one of the two.</summary>
    private static int Decided(FundingOverview overview) => overview.IssuedCount + overview.QueuedCount;

    private static Metadata Bearer(string signingKey, string role, string? ags) =>
        new() { { "authorization", $"Bearer {DevelopmentTokens.Create(signingKey, role, ags, TimeSpan.FromHours(2), TimeProvider.System)}" } };
}
