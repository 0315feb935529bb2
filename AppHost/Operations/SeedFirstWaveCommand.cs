using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using KiPlatform.AppHost.Security;
using KiPlatform.FirstWave;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiPlatform.AppHost.Operations;

/// <summary>
/// "Seed first wave" on the applications resource: fills the running stack with the 16 first-wave KIs, from their
/// applications to their grant notices, as the command-line client's <c>first-wave</c> does (tools/FirstWave). Its
/// progress goes to the resource's log; its answer names the trace of one approval, to follow through every service.
/// </summary>
internal static partial class SeedFirstWaveCommand
{
    public const string Name = "seed-first-wave";

    public static IResourceBuilder<ProjectResource> WithSeedFirstWaveCommand(this IResourceBuilder<ProjectResource> applications, DevelopmentSecrets secrets,
        IResourceBuilder<ProjectResource> staffing, IResourceBuilder<ProjectResource> funding, IResourceBuilder<ProjectResource> notifications) =>
        applications.WithCommand(Name, "Seed first wave", async context =>
        {
            var log = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(context.ResourceName);
            try
            {
                var signingKey = await secrets.TokenSigningKeyAsync(context.CancellationToken);
                var addresses = new PlatformAddresses(Address(applications), Address(staffing), Address(funding), Address(notifications));
                using var platform = new PlatformConnection(addresses, signingKey, TimeProvider.System);
                var outcome = await new FirstWaveScenario(platform).PlayAsync(new Progress<FirstWaveProgress>(p => LogProgress(log, p.Stage, p.Done, p.Total, p.Detail ?? "")), context.CancellationToken);
                var traced = outcome.Kis.FirstOrDefault(k => k.ApprovalTraceId is not null);
                return new ExecuteCommandResult
                {
                    Success = true,
                    Message = $"{outcome.Kis.Count} first-wave KIs approved for {outcome.FundingPeriod}, each with its post plan and grant notice."
                        + (traced is null ? "" : $" The approval of {traced.DisplayName} is trace {traced.ApprovalTraceId}."),
                };
            }
            catch (Exception e) when (e is Grpc.Core.RpcException or InvalidOperationException or TimeoutException or HttpRequestException)
            {
                LogFailed(log, e);
                return CommandResults.Failure(e.Message);
            }
        },
        new CommandOptions
        {
            Description = "Plays the first wave against the running stack: 16 applications approved, their post plans and grant notices, one KI going on.",
            IconName = "PeopleTeamAdd",
            UpdateState = OperatorCommands.EnabledWhenHealthy,
        });

    private static Uri Address(IResourceBuilder<ProjectResource> service) => new(service.GetEndpoint("http").Url);

[LoggerMessage(Level = LogLevel.Information, Message = "First wave: {Stage} {Done}/{Total} {Detail}")]
    private static partial void LogProgress(ILogger log, FirstWaveStage stage, int done, int total, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the first wave failed")]
    private static partial void LogFailed(ILogger log, Exception exception);
}
