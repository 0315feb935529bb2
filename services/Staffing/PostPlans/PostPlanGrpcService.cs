using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Domain;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Staffing.PostPlans;

public sealed class PostPlanGrpcService(StaffingDbContext db, MunicipalityService.MunicipalityServiceClient municipalities)
    : PostPlanService.PostPlanServiceBase
{
    public override async Task<PostPlan> GetPostPlan(GetPostPlanRequest request, ServerCallContext context)
    {
        var ags = PostPlanName.ParseAgs(request.Name, "name");
        // A municipality sees its own post plan only; the ministries and LaKI see every one.
        context.Caller().EnsureMayActFor(ags);
        // The Applications service owns the municipalities; a plan exists only for one it knows.
        var municipality = await GetMunicipalityAsync(ags, context.CancellationToken);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Ags == ags)
            .OrderBy(p => p.Category).ThenBy(p => p.Id)
            .ToListAsync(context.CancellationToken);

        return new PostPlan
        {
            Name = request.Name,
            Municipality = municipality.Name,
            MunicipalityDisplayName = municipality.DisplayName,
            Posts =
            {
                posts.Select(p => new V1.Post
                {
                    Name = $"{request.Name}/posts/{p.Id}",
                    Category = (V1.PostCategory)(int)p.Category,
                    FteMilli = p.FteMilli,
                }),
            },
        };
    }

    private async Task<Municipality> GetMunicipalityAsync(string ags, CancellationToken cancellationToken)
    {
        var name = MunicipalityName.Format(ags);
        try
        {
            return await municipalities.GetMunicipalityAsync(new GetMunicipalityRequest { Name = name }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new ResourceNotFoundException(name, "MUNICIPALITY_NOT_FOUND");
        }
    }
}
