using KiPlatform.Rpc;
using KiPlatform.Rpc.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiPlatform.ServiceDefaults.Tests;

/// <summary>Two services wired with the service defaults, on in-memory test servers.</summary>
internal static class TestServers
{
    public static readonly string SigningKey = new('k', 64);

    public static async Task<WebApplication> StartDownstreamAsync()
    {
        var builder = CreateBuilder();
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        await app.StartAsync();
        return app;
    }

    /// <summary>Upstream finds downstream as <c>http://downstream</c> through service discovery (configuration).</summary>
    public static async Task<WebApplication> StartUpstreamAsync(WebApplication downstream)
    {
        var builder = CreateBuilder();
        builder.Configuration["Services:downstream:http:0"] = "http://downstream.test";
        builder.AddServiceDefaults();
        builder.Services.AddServiceGrpcClient<Relay.RelayClient>("downstream")
            .ConfigurePrimaryHttpMessageHandler(() => new Http2ResponseHandler(downstream.GetTestServer().CreateHandler()));
        var app = builder.Build();
        app.MapGrpcService<ForwardingService>();
        await app.StartAsync();
        return app;
    }

    public static string Token() => DevelopmentTokens.Create(SigningKey, Roles.Laki, null, TimeSpan.FromMinutes(5), TimeProvider.System);

    private static WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration["Authentication:DevelopmentSigningKey"] = SigningKey;
        builder.Configuration["Paging:TokenKey"] = new string('p', 64);
        builder.AddRpcContract(
            new RpcAccessRules()
                .Allow(Relay.Descriptor, nameof(Relay.RelayBase.Forward), Roles.All)
                .Allow(Relay.Descriptor, nameof(Relay.RelayBase.Echo), Roles.All),
            typeof(TestServers).Assembly);
        return builder;
    }
}

/// <summary>The relay request has no fields, so nothing to refuse; the conventions still ask for a validator.</summary>
internal sealed class EchoRequestValidator : FluentValidation.AbstractValidator<EchoRequest>;

/// <summary>
/// The test server answers with HTTP/1.1 as its response version; gRPC clients insist on HTTP/2, which is what a real
/// Kestrel h2c endpoint answers with.
/// </summary>
internal sealed class Http2ResponseHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        response.Version = request.Version;
        return response;
    }
}
