using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Errors;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Applications.Municipalities;

public sealed class MunicipalityGrpcService(ApplicationsDbContext db) : MunicipalityService.MunicipalityServiceBase
{
    public const string NotFoundReason = "MUNICIPALITY_NOT_FOUND";

    public override async Task<V1.Municipality> GetMunicipality(GetMunicipalityRequest request, ServerCallContext context)
    {
        var ags = MunicipalityName.ParseAgs(request.Name, "name");
        var municipality = await db.Municipalities.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Ags == ags, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Name, NotFoundReason);
        return municipality.ToContract();
    }
}
