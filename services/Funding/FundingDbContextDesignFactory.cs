using KiPlatform.Infrastructure;

namespace KiPlatform.Funding;

internal sealed class FundingDbContextDesignFactory : DesignTimeDbContextFactory<FundingDbContext>;
