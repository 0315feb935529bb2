using KiPlatform.Applications.Municipalities;
using KiPlatform.Infrastructure;

namespace KiPlatform.Applications;

public static class ApplicationServices
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ApplicationsDbContext, IHostApplicationBuilder>(ApplicationsDbContext.ConnectionName);
        builder.AddServiceBus();
        builder.AddServiceCache();
        builder.Services.AddScoped<IDatabaseSeeder<ApplicationsDbContext>, MunicipalityCatalogSeeder>();
    }
}
