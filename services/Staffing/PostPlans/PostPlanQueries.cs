namespace KiPlatform.Staffing.PostPlans;

/// <summary>Filters on plans that the database answers.</summary>
internal static class PostPlanQueries
{
    /// <summary>
    /// Plans approved for <paramref name="day"/> with a post standing then that is not filled in full: the rules of
    /// <see cref="PostPlan.Covers"/>, <see cref="Post.ExistsOn"/> and <see cref="Post.FilledMilliOn"/>, in SQL.
    /// </summary>
    public static IQueryable<PostPlan> WithVacancyOn(this IQueryable<PostPlan> plans, DateOnly day) =>
        plans.Where(p => p.Periods.Any(period => period.Start <= day && period.End >= day) && p.Posts.Any(post =>
            post.OpensOn <= day && (post.ClosesAfter == null || post.ClosesAfter >= day)
            && post.Occupancies.Where(o => o.From <= day && (o.To == null || o.To >= day)).Sum(o => o.ShareMilli) < post.FteMilli));
}
