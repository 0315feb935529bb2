using KiPlatform.Domain;
using KiPlatform.Rpc.Contracts;
using System.Text.RegularExpressions;
using Grpc.Core;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Validation;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.FundingPeriods;

public sealed partial class FundingPeriodGrpcService(FundingDbContext db) : FundingPeriodService.FundingPeriodServiceBase
{
    public override async Task<V1.FundingPeriod> GetFundingPeriod(GetFundingPeriodRequest request, ServerCallContext context)
    {
        var id = ResourceNames.ParseId(NamePattern(), request.Name, "name", ExpectedName);
        var period = await db.FundingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, "FUNDING_PERIOD_NOT_FOUND");

        return new V1.FundingPeriod
        {
            Name = request.Name,
            StartDate = period.StartDate.ToContract(),
            EndDate = period.EndDate.ToContract(),
            Budget = Euro.FromCents(period.BudgetCents),
            SpecialistRatePerFteYear = Euro.FromCents(period.SpecialistRatePerFteYearCents),
            SupportRatePerHalfFteYear = Euro.FromCents(period.SupportRatePerHalfFteYearCents),
            Etag = ETags.Format(period.Version),
        };
    }

    internal const string ExpectedName = "'fundingPeriods/{period_id}', e.g. 'fundingPeriods/2013'";

    [GeneratedRegex(@"^fundingPeriods/(?<id>[a-z0-9-]{1,20})$")]
    internal static partial Regex NamePattern();
}
