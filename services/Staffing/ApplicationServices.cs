using KiPlatform.Applications.V1;
using KiPlatform.Infrastructure;
using KiPlatform.Rpc;

namespace KiPlatform.Staffing;

public static class ApplicationServices
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<StaffingDbContext, IHostApplicationBuilder>(StaffingDbContext.ConnectionName);
        builder.AddRpcContract(RpcAccess.Rules, typeof(ApplicationServices).Assembly);
        builder.Services.AddServiceGrpcClient<MunicipalityService.MunicipalityServiceClient>("applications");
    }
}
