using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Infrastructure;
using KiPlatform.Rpc;

namespace KiPlatform.Funding;

public static class ApplicationServices
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FundingDbContext, IHostApplicationBuilder>(FundingDbContext.ConnectionName);
        builder.AddRpcContract(RpcAccess.Rules, typeof(ApplicationServices).Assembly);
        builder.Services.AddScoped<IDatabaseSeeder<FundingDbContext>, FundingPeriodSeeder>();
    }
}
