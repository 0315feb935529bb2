using KiPlatform.Applications.V1;
using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Funding.Grants;
using KiPlatform.Infrastructure;
using KiPlatform.Messaging;
using KiPlatform.Rpc;
using KiPlatform.Rpc.Idempotency;

namespace KiPlatform.Funding;

/// <summary>Everything the Funding service registers and maps, called once from Program.cs.</summary>
public static class Composition
{
    public static void AddFundingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FundingDbContext, IHostApplicationBuilder>(FundingDbContext.ConnectionName);
        builder.AddServiceMessaging<FundingDbContext>(bus => bus.AddConsumer<ApplicationApprovedConsumer>());
        builder.AddServiceCache();
        builder.AddServiceReadCache(FundingOverviewCache.CacheName, FundingOverviewCache.MemoryDuration, FundingOverviewCache.DistributedDuration);
        builder.AddIdempotentCommands<FundingDbContext>();
        builder.AddRpcContract(RpcAccess.Rules, typeof(Composition).Assembly);
        builder.Services.AddScoped<IDatabaseSeeder<FundingDbContext>, FundingPeriodSeeder>();
        // The municipalities are Applications' reference data; Funding reads a grant's addressee on its own account.
        builder.Services.AddOwnAccountGrpcClient<MunicipalityService.MunicipalityServiceClient>("applications");
        builder.Services.AddSingleton<FundingOverviewCache>();
        builder.Services.AddSingleton<GrantNoticeDocument>();
        builder.Services.AddOptions<FundingOptions>()
            .BindConfiguration(FundingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<GrantIssuer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GrantIssuer>());
        builder.Services.AddHostedService<GrantFinality>();
        builder.Services.AddSingleton<FundingMetrics>();
        builder.Services.AddHostedService<FundingFigureRefresher>();
    }

    public static void MapFundingService(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<FundingPeriodGrpcService>();
        app.MapGrpcService<GrantGrpcService>();
    }
}
