using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using static KiPlatform.ReadsBench.BenchCalls;

namespace KiPlatform.ReadsBench;

/// <summary>The Staffing part of bench/reads.sh: KIs approved through the stack, then their plans read and staffed.</summary>
internal static class StaffingLoad
{
    /// <summary>Arnsberg's Kreise and cities without a first-wave notice, so a demo stack's first wave is left alone.</summary>
    private static readonly string[] Municipalities = ["05911", "05914", "05915", "05916", "05954", "05958", "05962", "05966"];

    private static readonly DateOnly PeriodStart = new(2013, 1, 1);

    /// <summary>
    /// Approves an application of each municipality (as the municipality, MAIS and MSW would), waits for Staffing to make
    /// each plan, and writes the GetPostPlan request body of the first (get-plan.bin) and its AGS (plan-ags.txt).
    /// </summary>
    public static async Task PrepareAsync(string applicationsAddress, string staffingAddress, string signingKey, string outDir)
    {
        using var applicationsChannel = GrpcChannel.ForAddress(applicationsAddress);
        using var staffingChannel = GrpcChannel.ForAddress(staffingAddress);
        var applications = new ApplicationService.ApplicationServiceClient(applicationsChannel);
        var plans = new PostPlanService.PostPlanServiceClient(staffingChannel);
        var mais = Headers(signingKey, Roles.Mais);
        var msw = Headers(signingKey, Roles.Msw);
        await Task.WhenAll(Municipalities.Select(async ags =>
        {
            var owner = Headers(signingKey, Roles.Municipality, ags);
            var name = $"postPlans/{ags}";
            if ((await plans.GetPostPlanAsync(new GetPostPlanRequest { Name = name }, owner)).Posts.Count > 0)
            {
                return;
            }

            var draft = await applications.CreateApplicationAsync(new CreateApplicationRequest { RequestId = NewId(), Application = BenchApplications.Complete(ags) }, owner);
            await applications.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, owner);
            await applications.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = NewId() }, mais);
            await applications.StartContentReviewAsync(new StartContentReviewRequest { Name = draft.Name, RequestId = NewId() }, msw);
            await applications.SignOffApplicationAsync(new SignOffApplicationRequest
            {
                Name = draft.Name, RequestId = NewId(), Mais = new MaisPart { SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
            }, mais);
            await applications.SignOffApplicationAsync(new SignOffApplicationRequest
            {
                Name = draft.Name, RequestId = NewId(), Msw = new MswPart { TeacherFte = 2.0 },
            }, msw);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while ((await plans.GetPostPlanAsync(new GetPostPlanRequest { Name = name }, owner, cancellationToken: deadline.Token)).Posts.Count == 0)
            {
                await Task.Delay(200, deadline.Token);
            }
        }));

        Directory.CreateDirectory(outDir);
        await File.WriteAllBytesAsync(Path.Combine(outDir, "get-plan.bin"), Wire.Frame(new GetPostPlanRequest { Name = $"postPlans/{Municipalities[0]}" }));
        await File.WriteAllTextAsync(Path.Combine(outDir, "plan-ags.txt"), Municipalities[0]);
    }

    /// <summary>
    /// Each municipality staffs its own plan as fast as its answers come, all at once, for <paramref name="seconds"/>:
    /// one-day occupancies of 0.1 FTE, day after day, so no fill breaks a rule. Prints fills per second and latencies.
    /// </summary>
    public static async Task FillAsync(string staffingAddress, string signingKey, int seconds)
    {
        using var channel = GrpcChannel.ForAddress(staffingAddress);
        var client = new PostPlanService.PostPlanServiceClient(channel);
        var stopAt = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var results = await Task.WhenAll(Municipalities.Select(ags => FillOnePlanAsync(client, ags, Headers(signingKey, Roles.Municipality, ags), stopAt)));
        var latencies = results.SelectMany(r => r.Latencies).Order().ToList();
        var failures = results.Sum(r => r.Failures);
        var elapsed = results.Max(r => r.Elapsed.TotalSeconds);
        Console.WriteLine($"FillPost, {Municipalities.Length} municipalities each on its own plan: {latencies.Count / elapsed:F0} fills/s " +
            $"({latencies.Count} in {elapsed:F1} s, {failures} refused)   latency p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms");
    }

    private static async Task<(List<double> Latencies, int Failures, TimeSpan Elapsed)> FillOnePlanAsync(
        PostPlanService.PostPlanServiceClient client, string ags, Metadata owner, long stopAt)
    {
        var plan = await client.GetPostPlanAsync(new GetPostPlanRequest { Name = $"postPlans/{ags}" }, owner);
        // The posts the municipality staffs, each with its number of 0.1-FTE slots per day.
        var posts = plan.Posts.Where(p => p.Ministry == Ministry.Mais && p.ClosesAfter is null).Select(p => (p.Name, Slots: p.FteMilli / 100)).ToList();
        var used = posts.Select(p => p.Name).ToDictionary(name => name, name => plan.Posts.Single(p => p.Name == name).Occupancies.Count);
        var latencies = new List<double>();
        var failures = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
        {
            var (post, slots) = posts[i % posts.Count];
            var day = PeriodStart.AddDays(used[post]++ / slots);
            var date = new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day };
            var call = Stopwatch.GetTimestamp();
            try
            {
                await client.FillPostAsync(new FillPostRequest
                {
                    Post = post,
                    RequestId = NewId(),
                    Occupant = new NewOccupant { StaffId = $"bench-{Guid.NewGuid():N}"[..30], DisplayName = "Bench Mark", ShareMilli = 100, StartDate = date, EndDate = date },
                }, owner);
                latencies.Add(Stopwatch.GetElapsedTime(call).TotalMilliseconds);
            }
            catch (RpcException)
            {
                failures++;
            }
        }

        return (latencies, failures, Stopwatch.GetElapsedTime(started));
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
