using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Security;
using static KiPlatform.ReadsBench.BenchCalls;

namespace KiPlatform.ReadsBench;

/// <summary>
/// The Funding disbursement part of bench/reads.sh: issued grants of the period the grants phase filled are made final
/// (admin waives for them), then each grant's municipality calls off 1.00 EUR and MAIS approves it, over and over, all
/// grants at once, for the given seconds. Prints commands per second and p50/p99 per command; the payments follow in
/// Funding's schedule, woken by each approval.
/// </summary>
internal static class DisbursementLoad
{
    private const int Grants = 16;

    public static async Task CallOffsAsync(string fundingAddress, string signingKey, int seconds)
    {
        using var channel = GrpcChannel.ForAddress(fundingAddress);
        var grants = new GrantService.GrantServiceClient(channel);
        var disbursements = new DisbursementService.DisbursementServiceClient(channel);
        var admin = Headers(signingKey, Roles.Admin);
        var mais = Headers(signingKey, Roles.Mais);
        var period = $"fundingPeriods/{Domain.StateCalendar.Today(TimeProvider.System).AddMonths(1).Year}";
        var issued = await grants.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = period, State = GrantState.Issued, PageSize = 100 }, mais);
        var final = await grants.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = period, State = GrantState.Final, PageSize = 100 }, mais);
        var chosen = final.Grants.Concat(issued.Grants).GroupBy(g => g.Municipality).Select(g => g.First()).Take(Grants).ToList();
        if (chosen.Count == 0)
        {
            throw new InvalidOperationException($"No grant of {period} is issued: run the grants phase first.");
        }

        foreach (var grant in chosen.Where(g => g.State == GrantState.Issued))
        {
            await grants.WaiveLegalRemedyAsync(new WaiveLegalRemedyRequest { Name = grant.Name, RequestId = NewId() }, admin);
        }

        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(chosen.Select(g => CallOffAsync(disbursements, g, Headers(signingKey, Roles.Municipality, g.Municipality["municipalities/".Length..]), mais, stopAt)));
        var requested = results.SelectMany(r => r.Requests).ToList();
        var approved = results.SelectMany(r => r.Approvals).ToList();
        var elapsed = results.Max(r => r.Elapsed.TotalSeconds);
        Console.WriteLine($"Disbursements, {chosen.Count} grants at once: {(requested.Count + approved.Count) / elapsed:F0} commands/s " +
            $"({requested.Count} call-offs and {approved.Count} approvals in {elapsed:F1} s, {results.Sum(r => r.Failures)} refused)   " +
            $"RequestDisbursement {Steady.Percentiles(requested)}   ApproveDisbursement {Steady.Percentiles(approved)}");
    }

    private static async Task<(List<double> Requests, List<double> Approvals, int Failures, TimeSpan Elapsed)> CallOffAsync(
        DisbursementService.DisbursementServiceClient client, Grant grant, Metadata owner, Metadata mais, long stopAt)
    {
        var euro = new Google.Type.Money { CurrencyCode = "EUR", Units = 1 };
        var (requests, approvals, failures) = (new List<double>(), new List<double>(), 0);
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            try
            {
                var call = Stopwatch.GetTimestamp();
                var requested = await client.RequestDisbursementAsync(new RequestDisbursementRequest { Parent = grant.Name, RequestId = NewId(), Amount = euro, TwoMonthNeed = euro }, owner);
                requests.Add(Stopwatch.GetElapsedTime(call).TotalMilliseconds);
                call = Stopwatch.GetTimestamp();
                await client.ApproveDisbursementAsync(new ApproveDisbursementRequest { Name = requested.Name, RequestId = NewId() }, mais);
                approvals.Add(Stopwatch.GetElapsedTime(call).TotalMilliseconds);
            }
            catch (RpcException)
            {
                failures++;
            }
        }

        return (requests, approvals, failures, Stopwatch.GetElapsedTime(started));
    }
}
