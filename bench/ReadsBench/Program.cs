using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.Applications.V1;
using KiPlatform.ReadsBench;

// Helper of bench/reads.sh (see there):
//   prepare <applications address> <municipality token> <out dir>
//       creates a complete draft through the running service and writes the gRPC-framed request bodies h2load sends
//       (get.bin, coverage.bin) and the application as the service returned it (application.bin);
//   bare <port> <application.bin>
//       serves GetApplication with that stored application and nothing else on 127.0.0.1:<port>: the same contract
//       and response size, without authentication, validation, database or cache;
//   bare-instrumented <port> <application.bin>
//       the same with the platform's telemetry (ServiceDefaults' OpenTelemetry, exported where OTEL_* say) and the host
//       defaults of ASPNETCORE_ENVIRONMENT: the share of a call that every service pays before its own pipeline;
//   bare-authenticated <port> <application.bin>
//       the same plus the platform's bearer authentication (Authentication:* as the services get it), refusing calls
//       without a valid token: the framework's part of a service's pipeline, before the service's own conventions;
//   prepare-staffing <applications address> <staffing address> <out dir>
//       approves eight KIs through the running stack and waits for their post plans; writes get-plan.bin and plan-ags.txt;
//   disburse <funding address> <seconds>
//       16 final grants of next month's period: each municipality calls off 1.00 EUR and MAIS approves it, over and
//       over; prints commands per second and p50/p99 per command.
//   fill <staffing address> <seconds>
//       each of those municipalities staffs its own plan for that long; prints fills per second, p50 and p99;
//   grants <applications address> <funding address> <count> <out dir>
//       publishes that many approvals for the period of the month ahead on the broker (ConnectionStrings__messaging) and
//       times them until Funding has decided every grant (issued, or queued once the budget is spent); writes overview.bin;
//   notices <notifications address> <events per second> <seconds>
//       publishes ApplicationSubmitted events on the broker at that rate while MAIS streams its inbox live; prints
//       event -> inbox and event -> live push latencies;
//   pipeline <applications address> <funding address> <notifications address> <approvals per second> <seconds>
//       publishes ApplicationApproved events on the broker at that rate and follows each through Staffing, Funding and
//       Notifications to the grant notice in the municipality's inbox; prints the rate reached and the latencies.
// The Staffing modes sign their tokens with the key in Authentication__DevelopmentSigningKey (never on a command line).
switch (args)
{
    case ["prepare", var address, var token, var outDir]:
        await PrepareAsync(address, token, outDir);
        return 0;
    case ["prepare-staffing", var applicationsAddress, var staffingAddress, var outDir]:
        await StaffingLoad.PrepareAsync(applicationsAddress, staffingAddress, SigningKey(), outDir);
        return 0;
    case ["fill", var staffingAddress, var seconds]:
        await StaffingLoad.FillAsync(staffingAddress, SigningKey(), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case ["disburse", var fundingAddress, var seconds]:
        await DisbursementLoad.CallOffsAsync(fundingAddress, SigningKey(), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case ["grants", var applicationsAddress, var fundingAddress, var count, var outDir]:
        await FundingLoad.GrantsAsync(applicationsAddress, fundingAddress, SigningKey(),
            Broker(),
            int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), outDir);
        return 0;
    case ["notices", var notificationsAddress, var perSecond, var seconds]:
        await NotificationsLoad.NoticesAsync(notificationsAddress, SigningKey(),
            Broker(),
            int.Parse(perSecond, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case ["pipeline", var applicationsAddress, var fundingAddress, var notificationsAddress, var perSecond, var seconds]:
        await PipelineLoad.ApprovalsAsync(applicationsAddress, fundingAddress, notificationsAddress, SigningKey(), Broker(),
            int.Parse(perSecond, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case [var mode, var port, var applicationFile] when BaselineNamed(mode) is { } baseline:
        await BareServer.RunAsync(baseline, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), applicationFile);
        return 0;
    default:
        Console.Error.WriteLine("usage: prepare <address> <municipality token> <out dir> | bare <port> <application.bin> | bare-instrumented|bare-authenticated <port> <application.bin>");
        return 2;
}

static string SigningKey() => Environment.GetEnvironmentVariable("Authentication__DevelopmentSigningKey")
    ?? throw new InvalidOperationException("Set Authentication__DevelopmentSigningKey to the stack's development signing key.");

static string Broker() => Environment.GetEnvironmentVariable("ConnectionStrings__messaging")
    ?? throw new InvalidOperationException("Set ConnectionStrings__messaging to the stack's broker.");

static Baseline? BaselineNamed(string mode) => mode switch
{
    "bare" => Baseline.Bare,
    "bare-instrumented" => Baseline.Instrumented,
    "bare-authenticated" => Baseline.Authenticated,
    _ => null,
};

static async Task PrepareAsync(string address, string token, string outDir)
{
    using var channel = GrpcChannel.ForAddress(address);
    var client = new ApplicationService.ApplicationServiceClient(channel);
    var headers = new Metadata { { "authorization", $"Bearer {token}" } };
    const string ags = "05913"; // Dortmund
    var existing = await client.ListApplicationsAsync(new ListApplicationsRequest { Municipality = $"municipalities/{ags}" }, headers);
    var application = existing.Applications.FirstOrDefault() ?? await client.CreateApplicationAsync(
        new CreateApplicationRequest { RequestId = Guid.NewGuid().ToString(), Application = BenchApplications.Complete(ags) }, headers);
    Directory.CreateDirectory(outDir);
    await File.WriteAllBytesAsync(Path.Combine(outDir, "get.bin"), Wire.Frame(new GetApplicationRequest { Name = application.Name }));
    await File.WriteAllBytesAsync(Path.Combine(outDir, "coverage.bin"), Wire.Frame(new GetCoverageRequest()));
    await File.WriteAllBytesAsync(Path.Combine(outDir, "application.bin"), application.ToByteArray());
    Console.WriteLine(application.Name);
}
