using Google.Protobuf.WellKnownTypes;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>The plan as the contract shows it, and the cut of it a caller may see.</summary>
internal static class PostPlanContract
{
    public static V1.PostPlan ToContract(this PostPlan plan, DateOnly today)
    {
        var contract = new V1.PostPlan
        {
            Name = PostPlanName.Format(plan.Ags),
            Municipality = MunicipalityName.Format(plan.Ags),
            MunicipalityDisplayName = plan.MunicipalityDisplayName,
            GovernmentDistrict = plan.GovernmentDistrict,
            HeadStaffId = plan.HeadStaffId ?? "",
            DeputyHeadStaffId = plan.DeputyHeadStaffId ?? "",
            Etag = ETags.Format(plan.Version),
            CreateTime = Timestamp.FromDateTimeOffset(plan.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(plan.UpdatedAt),
        };
        contract.Periods.AddRange(plan.Periods.OrderBy(p => p.Start).Select(period => new V1.PlanPeriod
        {
            FundingPeriod = FundingPeriodName.Format(period.PeriodId),
            StartDate = period.Start.ToContract(),
            EndDate = period.End.ToContract(),
            Application = $"applications/{period.ApplicationId}",
            Approved = { PostCategories.All.Select(c => Fte(c, period.Approved.Of(c))) },
        }));
        contract.Posts.AddRange(plan.Posts.OrderBy(p => p.Category).ThenBy(p => p.OpensOn).ThenByDescending(p => p.FteMilli).ThenBy(p => p.Id).Select(p => p.ToContract(plan.Ags, today)));
        contract.Surplus.AddRange(plan.SurplusMilli().Select(s => Fte(s.Key, s.Value)));
        return contract;
    }

    public static V1.Post ToContract(this Post post, string ags, DateOnly today)
    {
        var contract = new V1.Post
        {
            Name = PostName.Format(ags, post.Id),
            Category = post.Category.ToContract(),
            Ministry = post.Ministry.ToContract(),
            FteMilli = post.FteMilli,
            OpensOn = post.OpensOn.ToContract(),
            ClosesAfter = post.ClosesAfter?.ToContract(),
            FilledFteMilli = post.FilledMilliOn(today),
        };
        contract.Occupancies.AddRange(post.Occupancies.OrderBy(o => o.From).ThenBy(o => o.StaffId, StringComparer.Ordinal).Select(o => new V1.Occupancy
        {
            StaffId = o.StaffId,
            DisplayName = o.DisplayName,
            ShareMilli = o.ShareMilli,
            StartDate = o.From.ToContract(),
            EndDate = o.To?.ToContract(),
            SecondmentReference = o.SecondmentReference ?? "",
            VacateReason = o.VacateReason is { } reason ? (V1.VacateReason)(int)reason : V1.VacateReason.Unspecified,
        }));
        return contract;
    }

    public static V1.PostCategory ToContract(this PostCategory category) => (V1.PostCategory)(int)category;

    public static V1.Ministry ToContract(this Ministry ministry) => (V1.Ministry)(int)ministry;

    public static V1.CategoryFte Fte(PostCategory category, int fteMilli) =>
        new() { Category = category.ToContract(), Ministry = category.MinistryOf().ToContract(), FteMilli = fteMilli };

    /// <summary>
    /// Staff names are shown to the owning municipality, admin, and the ministry of the post's category; everyone else
    /// (LaKI, the other ministry, other services) gets the plan without them. The shared cached message is copied only
    /// when something must be withheld.
    /// </summary>
    public static V1.PostPlan As(this V1.PostPlan plan, Caller caller)
    {
        var sees = NamesSeenBy(caller, plan.Municipality);
        if (sees == NameSight.All || plan.Posts.All(post => post.Occupancies.Count == 0 || Sees(sees, post.Ministry)))
        {
            return plan;
        }

        var withheld = plan.Clone();
        foreach (var post in withheld.Posts.Where(post => !Sees(sees, post.Ministry)))
        {
            Withhold(post);
        }

        withheld.NamesWithheld = true;
        return withheld;
    }

    public static V1.Post As(this V1.Post post, Caller caller, string ags)
    {
        if (post.Occupancies.Count == 0 || Sees(NamesSeenBy(caller, MunicipalityName.Format(ags)), post.Ministry))
        {
            return post;
        }

        var withheld = post.Clone();
        Withhold(withheld);
        return withheld;
    }

    private static void Withhold(V1.Post post)
    {
        foreach (var occupancy in post.Occupancies)
        {
            occupancy.DisplayName = "";
        }
    }

    /// <summary>Whose names a caller sees: all (the owning municipality, admin), those on one ministry's posts, or none.</summary>
    private enum NameSight
    {
        None,
        MswPosts,
        MaisPosts,
        All,
    }

    private static NameSight NamesSeenBy(Caller caller, string municipality) =>
        (caller.Ags is { } ags && municipality.AsSpan(MunicipalityPrefix.Length).SequenceEqual(ags)) || caller.IsInRole(Roles.Admin) ? NameSight.All
        : caller.IsInRole(Roles.Msw) ? NameSight.MswPosts
        : caller.IsInRole(Roles.Mais) ? NameSight.MaisPosts
        : NameSight.None;

    private static bool Sees(NameSight sight, V1.Ministry ministry) =>
        sight == NameSight.All || (sight == NameSight.MswPosts && ministry == V1.Ministry.Msw) || (sight == NameSight.MaisPosts && ministry == V1.Ministry.Mais);

    private const string MunicipalityPrefix = "municipalities/";
}
