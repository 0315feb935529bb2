using Grpc.Core;
using KiPlatform.Applications.V1;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Applications.Municipalities;

public sealed class MunicipalityGrpcService(ApplicationsDbContext db) : MunicipalityService.MunicipalityServiceBase
{
    public override async Task<V1.Municipality> GetMunicipality(GetMunicipalityRequest request, ServerCallContext context)
    {
        var ags = MunicipalityName.ParseAgs(request.Name, nameof(request.Name).ToLowerInvariant());
        var municipality = await db.Municipalities.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Ags == ags, context.CancellationToken)
            ?? throw RpcErrors.NotFound(request.Name, "MUNICIPALITY_NOT_FOUND");
        return municipality.ToContract();
    }
}
