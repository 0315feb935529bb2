using KiPlatform.IntegrationEvents.Staffing;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>The integration events of post plans, as they go on the bus: pseudonymous staff ids only, never a name.</summary>
internal static class PostPlanEvents
{
    public static PostPlanCreated Created(PostPlan plan, DateTimeOffset now)
    {
        var period = plan.LatestPeriod;
        return new PostPlanCreated(plan.Ags, period.PeriodId, period.ApplicationId, plan.Posts.Select(Planned).ToList(), now);
    }

    public static PostPlanChanged Changed(PostPlan plan, IReadOnlyList<Post> added, IReadOnlyList<Post> cut, Guid? applicationId, DateTimeOffset now) =>
        new(plan.Ags, plan.LatestPeriod.PeriodId, applicationId, added.Select(Planned).ToList(), cut.Select(Planned).ToList(),
            plan.SurplusMilli().ToDictionary(s => s.Key.ToString(), s => s.Value), now);

    public static PostFilled Filled(PostPlan plan, Post post, Occupancy occupancy, DateTimeOffset now) =>
        new(plan.Ags, post.Id, post.Category.ToString(), post.Ministry.ToString(), post.FteMilli, occupancy.StaffId, occupancy.ShareMilli,
            occupancy.From, occupancy.To, now);

    /// <param name="reason">The reason given, or "ShareChanged" when the occupancy ended for a new share.</param>
    public static PostVacated Vacated(PostPlan plan, Post post, Occupancy occupancy, string reason, DateTimeOffset now) =>
        new(plan.Ags, post.Id, post.Category.ToString(), post.Ministry.ToString(), post.FteMilli, occupancy.StaffId, occupancy.ShareMilli,
            occupancy.From, occupancy.To!.Value, reason, now);

    private static PlannedPost Planned(Post post) =>
        new(post.Id, post.Category.ToString(), post.Ministry.ToString(), post.FteMilli, post.OpensOn, post.ClosesAfter);
}
