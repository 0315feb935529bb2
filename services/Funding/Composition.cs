using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Infrastructure;
using KiPlatform.Rpc;

namespace KiPlatform.Funding;

/// <summary>Everything the Funding service registers and maps, called once from Program.cs.</summary>
public static class Composition
{
    public static void AddFundingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<FundingDbContext, IHostApplicationBuilder>(FundingDbContext.ConnectionName);
        builder.AddRpcContract(RpcAccess.Rules, typeof(Composition).Assembly);
        builder.Services.AddScoped<IDatabaseSeeder<FundingDbContext>, FundingPeriodSeeder>();
    }
}
