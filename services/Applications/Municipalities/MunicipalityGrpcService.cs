using Google.Protobuf;
using Grpc.Core;
using KiPlatform.Applications.Lifecycle;
using KiPlatform.Applications.V1;
using KiPlatform.Domain;
using KiPlatform.Infrastructure;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Paging;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Applications.Municipalities;

public sealed class MunicipalityGrpcService(Deferred<ApplicationsDbContext> database, ApplicationReadCache cache, KeysetPaging paging)
    : MunicipalityService.MunicipalityServiceBase
{
    public const string NotFoundReason = "MUNICIPALITY_NOT_FOUND";

    // Resolved when first used: the cached coverage view needs no database (see Deferred<T>).
    private ApplicationsDbContext Db => database.Value;

    private const int DefaultPageSize = 60;
    private const int MaxPageSize = 100;

    public override async Task<V1.Municipality> GetMunicipality(GetMunicipalityRequest request, ServerCallContext context)
    {
        var ags = MunicipalityName.ParseAgs(request.Name, "name");
        var municipality = await Db.Municipalities.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Ags == ags, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, NotFoundReason);
        return municipality.ToContract();
    }

    public override async Task<ListMunicipalitiesResponse> ListMunicipalities(ListMunicipalitiesRequest request, ServerCallContext context)
    {
        var district = string.IsNullOrEmpty(request.GovernmentDistrict) ? null : request.GovernmentDistrict;
        var kind = request.Kind switch
        {
            V1.MunicipalityKind.District => MunicipalityKind.District,
            V1.MunicipalityKind.IndependentCity => MunicipalityKind.IndependentCity,
            V1.MunicipalityKind.CityRegion => MunicipalityKind.CityRegion,
            _ => (MunicipalityKind?)null,
        };
        bool? hasKi = request.HasHasKi ? request.HasKi : null;
        var query = new PageQuery(request.PageSize, request.PageToken, $"{context.Method}|{district}|{kind}|{hasKi}", DefaultPageSize, MaxPageSize);

        var municipalities = Db.Municipalities.AsNoTracking();
        if (district is not null)
        {
            municipalities = municipalities.Where(m => m.GovernmentDistrict == district);
        }

        if (kind is { } wanted)
        {
            municipalities = municipalities.Where(m => m.Kind == wanted);
        }

        if (hasKi is { } covered)
        {
            municipalities = covered ? municipalities.Where(m => m.KiApprovedAt != null) : municipalities.Where(m => m.KiApprovedAt == null);
        }

        var page = await paging.AscendingAsync(municipalities, query, m => m.Ags, context.CancellationToken);
        return new ListMunicipalitiesResponse
        {
            Municipalities = { page.Items.Select(m => m.ToContract()) },
            NextPageToken = page.NextPageToken,
        };
    }

    public override async Task<Coverage> GetCoverage(GetCoverageRequest request, ServerCallContext context)
    {
        var periodId = string.IsNullOrEmpty(request.FundingPeriod) ? null : FundingPeriodName.ParseId(request.FundingPeriod, "funding_period");
        return await cache.CoverageAsync(periodId ?? "*", async ct =>
        {
            var coverage = await CountCoverageAsync(periodId, ct);
            coverage.FundingPeriod = periodId is null ? "" : FundingPeriodName.Format(periodId);
            return coverage.ToByteArray();
        }, context.CancellationToken);
    }

    private async Task<Coverage> CountCoverageAsync(string? periodId, CancellationToken cancellationToken)
    {
        var approved = Db.Applications.Where(a => a.Status == ApplicationStatus.Approved);
        if (periodId is not null)
        {
            approved = approved.Where(a => a.PeriodId == periodId);
        }

        var covered = (await approved.Select(a => a.Ags).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var municipalities = await Db.Municipalities.AsNoTracking().OrderBy(m => m.Ags)
            .Select(m => new { m.Ags, m.GovernmentDistrict })
            .ToListAsync(cancellationToken);
        var districts = municipalities.GroupBy(m => m.GovernmentDistrict).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new DistrictCoverage
        {
            GovernmentDistrict = g.Key,
            MunicipalityCount = g.Count(),
            CoveredCount = g.Count(m => covered.Contains(m.Ags)),
            Missing = { g.Where(m => !covered.Contains(m.Ags)).Select(m => MunicipalityName.Format(m.Ags)) },
        });
        return new Coverage
        {
            MunicipalityCount = municipalities.Count,
            CoveredCount = municipalities.Count(m => covered.Contains(m.Ags)),
            Districts = { districts },
        };
    }
}
