using KiPlatform.Applications.V1;
using KiPlatform.Funding.Disbursements;
using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Funding.Grants;
using KiPlatform.Funding.ProofsOfUse;
using KiPlatform.Funding.Repayments;
using KiPlatform.Funding.Vacancies;
using KiPlatform.Infrastructure;
using KiPlatform.Messaging;
using KiPlatform.Rpc;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Staffing.V1;

namespace KiPlatform.Funding;

/// <summary>Everything the Funding service registers and maps, called once from Program.cs.</summary>
public static class Composition
{
    public static void AddFundingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FundingDbContext, IHostApplicationBuilder>(FundingDbContext.ConnectionName);
        builder.AddServiceMessaging<FundingDbContext>(bus =>
        {
            bus.AddConsumer<ApplicationApprovedConsumer>();
            bus.AddConsumer<StaffingChangeConsumer>();
        });
        builder.AddServiceCache();
        builder.AddServiceReadCache(FundingOverviewCache.CacheName, FundingOverviewCache.MemoryDuration, FundingOverviewCache.DistributedDuration);
        builder.AddIdempotentCommands<FundingDbContext>();
        builder.AddRpcContract(RpcAccess.Rules, typeof(Composition).Assembly);
        builder.Services.AddScoped<IDatabaseSeeder<FundingDbContext>, FundingPeriodSeeder>();
        builder.Services.AddScoped<IDatabaseSeeder<FundingDbContext>, BaseRateSeeder>();
        // The municipalities are Applications' reference data; Funding reads a grant's addressee on its own account.
        builder.Services.AddOwnAccountGrpcClient<MunicipalityService.MunicipalityServiceClient>("applications");
        // What stands vacant is Staffing's record; Funding reads it on its own account to work out what a grant owes.
        builder.Services.AddOwnAccountGrpcClient<PostPlanService.PostPlanServiceClient>("staffing");
        builder.Services.AddSingleton<FundingOverviewCache>();
        builder.Services.AddSingleton<GrantNoticeDocument>();
        builder.Services.AddOptions<FundingOptions>()
            .BindConfiguration(FundingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddScheduledRound<GrantIssuer>();
        builder.Services.AddHostedService<GrantFinality>();
        builder.AddScheduledRound<DisbursementSchedule>();
        builder.AddScheduledRound<ProofOfUseDeadlines>();
        builder.AddScheduledRound<VacancyRefresher>();
        builder.Services.AddSingleton<FundingMetrics>();
        builder.Services.AddHostedService<FundingFigureRefresher>();
    }

    /// <summary>A round that runs in the background and that commands and consumers of this instance can wake.</summary>
    private static void AddScheduledRound<TRound>(this IHostApplicationBuilder builder) where TRound : ScheduledRound
    {
        builder.Services.AddSingleton<TRound>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TRound>());
    }

    public static void MapFundingService(this IEndpointRouteBuilder app)
    {
        app.MapGrpcService<FundingPeriodGrpcService>();
        app.MapGrpcService<GrantGrpcService>();
        app.MapGrpcService<DisbursementGrpcService>();
        app.MapGrpcService<ProofOfUseGrpcService>();
    }
}
