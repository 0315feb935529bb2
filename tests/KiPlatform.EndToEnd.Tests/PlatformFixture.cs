using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using KiPlatform.Rpc.Security;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(KiPlatform.EndToEnd.Tests.PlatformFixture))]

namespace KiPlatform.EndToEnd.Tests;

/// <summary>
/// The whole AppHost, started once for the test assembly: local server binaries, a fresh data root, the dashboard on
/// free ports with its telemetry API behind a key of this run.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(4);

    public static readonly string[] Services = ["applications", "staffing", "funding", "notifications"];

    private readonly Dictionary<string, GrpcChannel> _channels = [];

    public DistributedApplication App { get; private set; } = null!;

    public string DataRoot { get; } = Directory.CreateTempSubdirectory("ki-e2e-").FullName;

    public string DashboardApiKey { get; } = Guid.NewGuid().ToString("N");

    public Uri DashboardUrl { get; private set; } = null!;

    /// <summary>When every resource was first seen running and healthy: the end of the start.</summary>
    public DateTimeOffset HealthyAt { get; private set; }

    public async ValueTask InitializeAsync()
    {
        using var deadline = new CancellationTokenSource(StartDeadline);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.KiPlatform_AppHost>(
            [
                "--Infrastructure:Mode=local",
                $"--Infrastructure:DataRoot={DataRoot}",
                $"--AppHost:DashboardApiKey={DashboardApiKey}",
                "--ASPIRE_DASHBOARD_API_ENABLED=true",
            ],
            (options, _) =>
            {
                options.DisableDashboard = false;
                options.AllowUnsecuredTransport = true;
            },
            deadline.Token);

        App = await builder.BuildAsync(deadline.Token);
        try
        {
            // Start-up returns only once every resource has been created, and creation waits for dependencies to be
            // healthy; watch health at the same time so a stuck resource is named when the deadline passes.
            await Task.WhenAll(App.StartAsync(deadline.Token), WaitUntilAllHealthyAsync(deadline.Token));
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Not every resource became healthy within {StartDeadline}: {DescribeResources()}");
        }

        HealthyAt = DateTimeOffset.UtcNow;

        // The testing builder moves the dashboard of the launch profile to a free port; read where it went.
        DashboardUrl = App.GetEndpoint("aspire-dashboard", "http");
        SigningKey = (await File.ReadAllTextAsync(Path.Combine(DataRoot, "credentials", "token-signing-key"), deadline.Token)).Trim();
    }

    /// <summary>A channel without credentials, as a health probe or an unauthenticated caller uses.</summary>
    public GrpcChannel Channel(string service) => Channel(service, null, null);

    /// <summary>A channel whose every call carries a development token for <paramref name="role"/> (and AGS).</summary>
    public GrpcChannel Channel(string service, string? role, string? ags = null)
    {
        var key = $"{service}|{role}|{ags}";
        lock (_channels)
        {
            if (!_channels.TryGetValue(key, out var channel))
            {
                var options = new GrpcChannelOptions();
                if (role is not null)
                {
                    var token = Token(role, ags);
                    options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
                    {
                        metadata.Add("authorization", $"Bearer {token}");
                        return Task.CompletedTask;
                    }));
                    options.UnsafeUseInsecureChannelCallCredentials = true;
                }

                channel = GrpcChannel.ForAddress(App.GetEndpoint(service, "http"), options);
                _channels[key] = channel;
            }

            return channel;
        }
    }

    /// <summary>A development token signed with the key this run's AppHost generated, as scripts/dev-token.sh makes one.</summary>
    public string Token(string role, string? ags = null, TimeSpan? lifetime = null) =>
        DevelopmentTokens.Create(SigningKey, role, ags, lifetime ?? TimeSpan.FromHours(1), TimeProvider.System);

    /// <summary>The key this run's AppHost generated, read once the stack has started.</summary>
    public string SigningKey { get; private set; } = "";

    /// <summary>The resources the dashboard shows (parameters and Aspire's hidden helpers are not among them).</summary>
    public IEnumerable<IResource> Resources
    {
        get
        {
            var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
            return App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Where(resource =>
                resource is not ParameterResource
                && !(notifications.TryGetCurrentState(resource.Name, out var state) && state.Snapshot.IsHidden));
        }
    }

    private async Task WaitUntilAllHealthyAsync(CancellationToken cancellationToken)
    {
        // Which resources are hidden is known only once each has published its first state, so the condition is
        // re-evaluated on every change rather than fixed up front.
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        await foreach (var _ in notifications.WatchAsync(cancellationToken))
        {
            if (AllVisibleResourcesHealthy(notifications))
            {
                return;
            }
        }
    }

    /// <summary>A resource whose state is not known yet counts as visible, and so as not healthy yet.</summary>
    private bool AllVisibleResourcesHealthy(ResourceNotificationService notifications) =>
        Resources.All(resource => notifications.TryGetCurrentState(resource.Name, out var state)
            && state.Snapshot.State?.Text == KnownResourceStates.Running
            && state.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);

    public string DescribeResources()
    {
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        return string.Join("; ", Resources.Select(resource =>
            notifications.TryGetCurrentState(resource.Name, out var state)
                ? $"{resource.Name}={state.Snapshot.State?.Text}/{state.Snapshot.HealthStatus}"
                : $"{resource.Name}=unknown"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        await DeleteDataRootAsync();
    }

    /// <summary>
    /// The orchestrator may still be stopping a server when the app reports stopped; retry until its files are free.
    /// A data root that cannot be removed is reported, not failed on: it lives in the temp folder.
    /// </summary>
    private async Task DeleteDataRootAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                Directory.Delete(DataRoot, recursive: true);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"Could not remove the test data root {DataRoot}: {e.Message}");
                return;
            }
        }
    }
}
