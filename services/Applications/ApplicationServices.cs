using KiPlatform.Applications.Municipalities;
using KiPlatform.Infrastructure;
using KiPlatform.Messaging;
using KiPlatform.Rpc;

namespace KiPlatform.Applications;

public static class ApplicationServices
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApplicationsDbContext, IHostApplicationBuilder>(ApplicationsDbContext.ConnectionName);
        builder.AddServiceMessaging<ApplicationsDbContext>();
        builder.AddServiceCache();
        builder.AddRpcContract(RpcAccess.Rules, typeof(ApplicationServices).Assembly);
        builder.Services.AddScoped<IDatabaseSeeder<ApplicationsDbContext>, MunicipalityCatalogSeeder>();
    }
}
