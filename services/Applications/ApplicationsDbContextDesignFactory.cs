using KiPlatform.Infrastructure;

namespace KiPlatform.Applications;

internal sealed class ApplicationsDbContextDesignFactory : DesignTimeDbContextFactory<ApplicationsDbContext>;
