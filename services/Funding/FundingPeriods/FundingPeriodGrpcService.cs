using System.Text.RegularExpressions;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.FundingPeriods;

public sealed partial class FundingPeriodGrpcService(FundingDbContext db) : FundingPeriodService.FundingPeriodServiceBase
{
    public override async Task<V1.FundingPeriod> GetFundingPeriod(GetFundingPeriodRequest request, ServerCallContext context)
    {
        var id = FundingPeriodName.ParseId(request.Name, "name");
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

}
