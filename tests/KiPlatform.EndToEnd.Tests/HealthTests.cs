using Aspire.Hosting.Testing;
using Grpc.Health.V1;

namespace KiPlatform.EndToEnd.Tests;

public sealed class HealthTests(PlatformFixture platform)
{
    public static TheoryData<string> Services => [.. PlatformFixture.Services];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Answers_the_grpc_health_checking_protocol_with_serving(string service)
    {
        var health = new Health.HealthClient(platform.Channel(service));

        var response = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Answers_readiness_and_liveness_on_its_http1_health_endpoint(string service)
    {
        using var http = platform.App.CreateHttpClient(service, "health");

        var readiness = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        var liveness = await http.GetAsync(new Uri("/alive", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal("Healthy", await readiness.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(System.Net.HttpStatusCode.OK, liveness.StatusCode);
        Assert.Equal(new Version(1, 1), readiness.Version);
    }
}
