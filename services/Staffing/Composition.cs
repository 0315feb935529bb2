using KiPlatform.Applications.V1;
using KiPlatform.Infrastructure;
using KiPlatform.Rpc;

namespace KiPlatform.Staffing;

/// <summary>Everything the Staffing service registers and maps, called once from Program.cs.</summary>
public static class Composition
{
    public static void AddStaffingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<StaffingDbContext, IHostApplicationBuilder>(StaffingDbContext.ConnectionName);
        builder.AddRpcContract(RpcAccess.Rules, typeof(Composition).Assembly);
        builder.Services.AddServiceGrpcClient<MunicipalityService.MunicipalityServiceClient>("applications");
    }
}
