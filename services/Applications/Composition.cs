using KiPlatform.Applications.Lifecycle;
using KiPlatform.Applications.Municipalities;
using KiPlatform.Infrastructure;
using KiPlatform.Infrastructure.Live;
using KiPlatform.Messaging;
using KiPlatform.Rpc;
using KiPlatform.Rpc.Idempotency;

namespace KiPlatform.Applications;

/// <summary>Everything the Applications service registers and maps, called once from Program.cs.</summary>
public static class Composition
{
    public static void AddApplicationsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApplicationsDbContext, IHostApplicationBuilder>(ApplicationsDbContext.ConnectionName);
        builder.AddServiceMessaging<ApplicationsDbContext>(bus => bus.AddConsumer<FundingPeriodChangedConsumer>());
        builder.AddServiceCache();
        builder.AddIdempotentCommands<ApplicationsDbContext>();
        builder.AddRpcContract(RpcAccess.Rules, typeof(Composition).Assembly);
        builder.AddApplicationReadCache();
        builder.Services.AddScoped<IDatabaseSeeder<ApplicationsDbContext>, MunicipalityCatalogSeeder>();
        builder.Services.AddOptions<ApplicationsOptions>()
            .BindConfiguration(ApplicationsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ApplicationMetrics>();
        builder.Services.AddHostedService<ApplicationCountRefresher>();
        builder.Services.AddLiveWakeUps("ki:applications:steps"); // a municipality's applications took a step
    }

    public static void MapApplicationsService(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<MunicipalityGrpcService>();
        app.MapGrpcService<ApplicationGrpcService>();
    }
}
