using KiPlatform.Applications.V1;
using KiPlatform.Funding.V1;
using KiPlatform.Infrastructure;
using KiPlatform.Messaging;
using KiPlatform.Rpc;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Staffing.PostPlans;

namespace KiPlatform.Staffing;

/// <summary>Everything the Staffing service registers and maps, called once from Program.cs.</summary>
public static class Composition
{
    public static void AddStaffingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<StaffingDbContext, IHostApplicationBuilder>(StaffingDbContext.ConnectionName);
        builder.AddServiceMessaging<StaffingDbContext>(bus => bus.AddConsumer<ApplicationApprovedConsumer>());
        builder.AddServiceCache();
        builder.AddServiceReadCache(PostPlanReadCache.CacheName, PostPlanReadCache.MemoryDuration, PostPlanReadCache.DistributedDuration);
        builder.AddIdempotentCommands<StaffingDbContext>();
        builder.AddRpcContract(RpcAccess.Rules, typeof(Composition).Assembly);
        // Municipalities and funding periods are reference data Staffing reads on its own account, from its consumer and
        // for a plan not made yet alike (whose plan a caller may see is decided here before).
        builder.Services.AddOwnAccountGrpcClient<MunicipalityService.MunicipalityServiceClient>("applications");
        builder.Services.AddOwnAccountGrpcClient<FundingPeriodService.FundingPeriodServiceClient>("funding");
        builder.Services.AddSingleton<PostPlanReadCache>();
        builder.Services.AddOptions<StaffingOptions>()
            .BindConfiguration(StaffingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<StaffingMetrics>();
        builder.Services.AddHostedService<FillCountRefresher>();
    }

    public static void MapStaffingService(this IEndpointRouteBuilder app) => app.MapGrpcService<PostPlanGrpcService>();
}
