using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>What an operator sees on the dashboard after a healthy start: nothing red, and only traces of real work.</summary>
public sealed class FirstStartTests(PlatformFixture platform)
{
    /// <summary>Longer than the services' background loops take between two rounds (outbox polling, health probes).</summary>
    private static readonly TimeSpan IdleObservation = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_healthy_start_logs_no_error_on_any_service()
    {
        using var dashboard = new DashboardTelemetry(platform);

        var errors = (await dashboard.LogsAsync("Error", Ct)).Where(log => log.Time <= platform.HealthyAt).ToList();

        Assert.True(errors.Count == 0, "Errors logged at start: " + string.Join(" | ", errors.Select(e => $"{e.Service} {e.Category}: {e.Message}")));
    }

    [Fact]
    public async Task Background_work_that_finds_nothing_and_health_probes_leave_no_trace()
    {
        // An absence is only shown over time: the loops and probes must have had several rounds since the stack was up.
        var observedUntil = platform.HealthyAt + IdleObservation;
        if (observedUntil > DateTimeOffset.UtcNow)
        {
            await Task.Delay(observedUntil - DateTimeOffset.UtcNow, Ct);
        }

        using var dashboard = new DashboardTelemetry(platform);
        var spans = await dashboard.SpansAsync(Ct);

        // A trace that starts with an outgoing call (a database poll, a cache ping) did nothing anyone asked for.
        var idleRoots = spans.Where(span => span.ParentSpanId.Length == 0 && span.Kind == DashboardTelemetry.ClientKind).ToList();
        Assert.True(idleRoots.Count == 0, "Traces of idle work: " + string.Join(" | ", idleRoots.Take(10).Select(s => $"{s.Service} {s.Name}")));
        Assert.Contains(spans, span => span.Name.StartsWith("outbox publish", StringComparison.Ordinal)); // work done still shows
    }

#pragma warning disable ASPIRECERTIFICATES001 // The certificate annotation is experimental in 13.6, as is the AppHost call setting it.
    [Fact]
    public void No_service_asks_for_a_development_certificate_so_the_dashboard_shows_no_certificate_banner()
    {
        var services = platform.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>().ToList();

        Assert.Equal(PlatformFixture.Services.Order(), services.Select(s => s.Name).Order());
        Assert.All(services, service =>
        {
            Assert.DoesNotContain(service.Annotations.OfType<EndpointAnnotation>(), endpoint => endpoint.UriScheme == "https");
            Assert.True(service.TryGetLastAnnotation<HttpsCertificateAnnotation>(out var certificate), $"{service.Name} has no certificate setting");
            Assert.False(certificate.UseDeveloperCertificate ?? true, $"{service.Name} would use the development certificate");
        });
    }
#pragma warning restore ASPIRECERTIFICATES001
}
