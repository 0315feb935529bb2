using Grpc.Net.Client;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KiPlatform.Rpc.Tests;

/// <summary>The widget service with the RPC conventions, on an in-memory test server.</summary>
internal sealed class WidgetServer : IAsyncDisposable
{
    public static readonly string SigningKey = new('s', 64);

    public static readonly RpcAccessRules AccessRules = new RpcAccessRules()
        .Allow(Testing.V1.WidgetService.Descriptor, nameof(Testing.V1.WidgetService.WidgetServiceBase.GetWidget), Roles.All)
        .Allow(Testing.V1.WidgetService.Descriptor, nameof(Testing.V1.WidgetService.WidgetServiceBase.Fail), Roles.All)
        .Allow(Testing.V1.WidgetService.Descriptor, nameof(Testing.V1.WidgetService.WidgetServiceBase.Wait), Roles.All)
        .Allow(Testing.V1.WidgetService.Descriptor, nameof(Testing.V1.WidgetService.WidgetServiceBase.CreateWidget), Roles.All)
        .Allow(Testing.V1.WidgetService.Descriptor, nameof(Testing.V1.WidgetService.WidgetServiceBase.UpdateWidget), Roles.All)
        .Allow(Testing.V1.WidgetService.Descriptor, nameof(Testing.V1.WidgetService.WidgetServiceBase.ListWidgets), Roles.All)
        .Allow(Testing.V1.WidgetService.Descriptor, nameof(Testing.V1.WidgetService.WidgetServiceBase.PurgeWidgets), Roles.Admin);

    private readonly WebApplication _app;

    private WidgetServer(WebApplication app)
    {
        _app = app;
        Channel = GrpcChannel.ForAddress("http://widgets.test", new GrpcChannelOptions { HttpHandler = app.GetTestServer().CreateHandler() });
    }

    public GrpcChannel Channel { get; }

    public CallLog Calls => _app.Services.GetRequiredService<CallLog>();

    public Testing.V1.WidgetService.WidgetServiceClient Client => new(Channel);

    public static async Task<WidgetServer> StartAsync(RpcAccessRules? rules = null, string environment = "Development")
    {
        var builder = CreateBuilder(rules ?? AccessRules, environment);
        var app = builder.Build();
        app.UseRpcAuthentication();
        app.MapGrpcService<WidgetService>();
        app.MapGrpcHealthChecksService();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new WidgetServer(app);
    }

    public static WebApplicationBuilder CreateBuilder(RpcAccessRules rules, string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["Authentication:DevelopmentSigningKey"] = SigningKey;
        builder.Configuration["Paging:TokenKey"] = new string('p', 64);
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddHealthChecks().AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        builder.Services.AddSingleton<CallLog>();
        builder.AddRpcConventions();
        builder.AddRpcContract(rules, typeof(WidgetServer).Assembly);
        return builder;
    }

    public static Grpc.Core.Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    public static Grpc.Core.Metadata As(string role, string? ags = null) =>
        Bearer(DevelopmentTokens.Create(SigningKey, role, ags, TimeSpan.FromMinutes(5), TimeProvider.System));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.DisposeAsync();
    }
}
