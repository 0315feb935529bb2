using KiPlatform.Infrastructure;

namespace KiPlatform.Staffing;

internal sealed class StaffingDbContextDesignFactory : DesignTimeDbContextFactory<StaffingDbContext>;
