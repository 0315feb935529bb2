using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Staffing.V1;

namespace KiPlatform.FirstWave;

/// <summary>
/// One KI after its notice: the municipality waives legal remedy (the notice is final at once), staffs its posts from
/// their first day (MSW the teacher posts, by secondment), and one specialist resigns after three months, so the post
/// stands vacant from then on. Steps already taken are not taken again.
/// </summary>
internal sealed class GoesOnAfterNotice(PlatformConnection platform)
{
    private static readonly string[] StaffNames =
        ["Aylin Demir", "Jonas Becker", "Mariam Haddad", "Lena Schulte", "Piotr Nowak", "Sophie Wagner", "Tobias Krüger", "Elif Yılmaz"];

    private readonly GrantService.GrantServiceClient _grants = new(platform.Funding);
    private readonly PostPlanService.PostPlanServiceClient _plans = new(platform.Staffing);

    public async Task RunAsync(FirstWaveMunicipality municipality, Grant grant, CancellationToken cancellationToken)
    {
        var owner = Party.Municipality(municipality.Ags);
        if (grant.State == GrantState.Issued)
        {
            await _grants.WaiveLegalRemedyAsync(new WaiveLegalRemedyRequest { Name = grant.Name, Etag = grant.Etag, RequestId = Guid.NewGuid().ToString() }, platform.As(owner, cancellationToken));
        }

        var plan = await _plans.GetPostPlanAsync(new GetPostPlanRequest { Name = $"postPlans/{municipality.Ags}" }, platform.As(owner, cancellationToken));
        var slug = FirstWaveMunicipality.Slug(municipality.DisplayName);
        var staffed = 0;
        foreach (var post in plan.Posts.Where(p => p.Occupancies.Count == 0))
        {
            var teacher = post.Category == PostCategory.Teacher;
            var occupant = new NewOccupant
            {
                StaffId = $"{slug}-{++staffed:00}",
                DisplayName = StaffNames[(staffed - 1) % StaffNames.Length],
                ShareMilli = Math.Min(post.FteMilli, 1000),
                StartDate = post.OpensOn,
                SecondmentReference = teacher ? $"MSW-ABO-{post.OpensOn.Year}-{municipality.Ags}-{staffed:00}" : "",
            };
            await _plans.FillPostAsync(new FillPostRequest { Post = post.Name, RequestId = Guid.NewGuid().ToString(), Occupant = occupant },
                platform.As(teacher ? Party.Msw : owner, cancellationToken));
        }

        plan = await _plans.GetPostPlanAsync(new GetPostPlanRequest { Name = plan.Name }, platform.As(owner, cancellationToken));
        var specialist = plan.Posts.FirstOrDefault(p => p.Category == PostCategory.Specialist && p.Occupancies.Count == 1 && p.Occupancies[0].EndDate is null);
        if (specialist is not null && !plan.Posts.Any(p => p.Occupancies.Any(o => o.EndDate is not null)))
        {
            var holder = specialist.Occupancies[0];
            await _plans.VacatePostAsync(new VacatePostRequest
            {
                Post = specialist.Name,
                RequestId = Guid.NewGuid().ToString(),
                StaffId = holder.StaffId,
                LastDay = holder.StartDate.ToDateOnly()!.Value.AddMonths(3).AddDays(-1).ToContract(),
                Reason = VacateReason.Resigned,
            }, platform.As(owner, cancellationToken));
        }
    }
}
