using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.Applications.V1;
using KiPlatform.Funding.V1;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Rpc.Security;
using RabbitMQ.Client;

namespace KiPlatform.ReadsBench;

/// <summary>
/// Grants issued per second from approval events: publishes approvals of the 54 municipalities for the current year's
/// period on the stack's broker at once, as Applications would (MassTransit's envelope and exchange), and times them
/// until Funding has decided every grant (read from its overview): issued, or queued once the budget is spent. Writes the overview request h2load sends (overview.bin).
/// </summary>
internal static class FundingLoad
{
    public static async Task GrantsAsync(string applicationsAddress, string fundingAddress, string signingKey, string amqpUri, int count, string outDir)
    {
        var period = $"fundingPeriods/{Domain.StateCalendar.Today(TimeProvider.System).AddMonths(1).Year}";
        using var channel = GrpcChannel.ForAddress(fundingAddress);
        var periods = new FundingPeriodService.FundingPeriodServiceClient(channel);
        var mais = new Metadata { { "authorization", $"Bearer {DevelopmentTokens.Create(signingKey, Roles.Mais, null, TimeSpan.FromHours(2), TimeProvider.System)}" } };
        var request = new GetFundingOverviewRequest { FundingPeriod = period };
        await File.WriteAllBytesAsync(Path.Combine(outDir, "overview.bin"), Wire.Frame(request));
        var before = Decided(await periods.GetFundingOverviewAsync(request, mais));
        var municipalities = await MunicipalitiesAsync(applicationsAddress, mais);

        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var publisher = await connection.CreateChannelAsync();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var approved = new ApplicationApproved(Guid.NewGuid(), municipalities[i % municipalities.Length], period["fundingPeriods/".Length..],
                new PostFte(2.0m, 2.0m, 1.0m, 0.5m), DateTimeOffset.UtcNow);
            await BrokerEvents.PublishAsync(publisher, approved);
        }

        var published = Stopwatch.GetElapsedTime(started);
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        FundingOverview overview;
        while (Decided(overview = await periods.GetFundingOverviewAsync(request, mais, cancellationToken: deadline.Token)) - before < count)
        {
            await Task.Delay(50, deadline.Token);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"Grants from approval events: {count} approvals published in {published.TotalSeconds:0.00} s, all decided after " +
                          $"{elapsed.TotalSeconds:0.00} s: {count / elapsed.TotalSeconds:0} grants/s (the period now has {overview.IssuedCount} issued, " +
                          $"{overview.QueuedCount} waiting for budget)");
    }

    /// <summary>Grants issued or waiting for budget: each approval ends in one of the two, depending on the budget left.</summary>
    private static int Decided(FundingOverview overview) => overview.IssuedCount + overview.QueuedCount;

    /// <summary>The AGS of the 54 municipalities, as Applications lists them.</summary>
    private static async Task<string[]> MunicipalitiesAsync(string applicationsAddress, Metadata headers)
    {
        using var channel = GrpcChannel.ForAddress(applicationsAddress);
        var listed = await new MunicipalityService.MunicipalityServiceClient(channel).ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageSize = 60 }, headers);
        return [.. listed.Municipalities.Select(m => m.Name["municipalities/".Length..])];
    }
}
