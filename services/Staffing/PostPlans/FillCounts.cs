namespace KiPlatform.Staffing.PostPlans;

/// <summary>FTE planned and held on one day in one government district and category.</summary>
public sealed record DistrictFteCount(string GovernmentDistrict, PostCategory Category, long PlannedMilli, long FilledMilli);

/// <summary>How full the plans are on a day: the basis of the fill-rate overview and the dashboard's gauges.</summary>
public static class FillCounts
{
    /// <summary>
    /// Per government district and category, the FTE of posts standing on <paramref name="day"/> in plans approved for
    /// it, and the FTE held then.
    /// </summary>
    public static IReadOnlyList<DistrictFteCount> On(IEnumerable<PostPlan> plans, DateOnly day) =>
        plans.Where(plan => plan.Covers(day)).SelectMany(plan => plan.Posts.Where(p => p.ExistsOn(day)).Select(post => (plan.GovernmentDistrict, Post: post)))
            .GroupBy(x => (x.GovernmentDistrict, x.Post.Category))
            .Select(g => new DistrictFteCount(g.Key.GovernmentDistrict, g.Key.Category,
                g.Sum(x => (long)x.Post.FteMilli), g.Sum(x => (long)Math.Min(x.Post.FteMilli, x.Post.FilledMilliOn(day)))))
            .OrderBy(c => c.GovernmentDistrict, StringComparer.Ordinal).ThenBy(c => c.Category)
            .ToList();

    /// <summary>Statewide per category, every category present.</summary>
    public static IReadOnlyList<FteCount> ByCategory(IReadOnlyList<DistrictFteCount> counts) =>
        PostCategories.All.Select(category => new FteCount(category,
            counts.Where(c => c.Category == category).Sum(c => c.PlannedMilli),
            counts.Where(c => c.Category == category).Sum(c => c.FilledMilli))).ToList();
}
