using KiPlatform.Rpc.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KiPlatform.Rpc.Tests;

/// <summary>A service whose RPCs lack an access rule or a validator, or whose authentication is misconfigured, does not start.</summary>
public sealed class ConventionsCheckTests
{
    [Fact]
    public async Task An_rpc_without_an_access_rule_stops_the_start()
    {
        var rules = new RpcAccessRules()
            .Allow(Testing.V1.WidgetService.Descriptor, nameof(Testing.V1.WidgetService.WidgetServiceBase.GetWidget), Roles.All);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WidgetServer.StartAsync(rules));

        Assert.Contains("/ki.testing.v1.WidgetService/PurgeWidgets has no access rule", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GetWidget has no access rule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_rpc_without_a_validator_stops_the_start()
    {
        var builder = WidgetServer.CreateBuilder(WidgetServer.AccessRules, "Development");
        foreach (var descriptor in builder.Services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>)).ToList())
        {
            builder.Services.Remove(descriptor);
        }

        var app = builder.Build();
        Microsoft.AspNetCore.Builder.GrpcEndpointRouteBuilderExtensions.MapGrpcService<WidgetService>(app);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("/ki.testing.v1.WidgetService/CreateWidget has no IValidator<CreateWidgetRequest>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_signing_key_is_refused_outside_development()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WidgetServer.StartAsync(environment: "Production"));

        Assert.Contains("refused outside the Development environment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reflection_is_anonymous_in_development_only_and_health_always()
    {
        var development = new PlatformRpcs(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        var production = new PlatformRpcs(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Production" });
        const string reflection = "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";
        const string health = "/grpc.health.v1.Health/Check";

        Assert.True(development.IsAnonymous(reflection));
        Assert.False(production.IsAnonymous(reflection));
        Assert.True(production.IsAnonymous(health));
        Assert.False(production.IsAnonymous("/ki.testing.v1.WidgetService/GetWidget"));
    }
}
