using System.Globalization;
using KiPlatform.Domain;
using KiPlatform.Staffing.PostPlans;

namespace KiPlatform.Services.Tests.Staffing;

public sealed class PostPlanTests
{
    private static readonly DateTimeOffset Now = new(2013, 9, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly ApprovedPosts DefaultCaps = new(2000, 2000, 1000, 500);
    private static readonly Approval First = new("2013", new DateOnly(2013, 1, 1), new DateOnly(2013, 12, 31), Guid.NewGuid(), DefaultCaps, Now);

    private static Approval Next(ApprovedPosts posts) => new("2014", new DateOnly(2014, 1, 1), new DateOnly(2014, 12, 31), Guid.NewGuid(), posts, Now);

    private static PostPlan NewPlan(ApprovedPosts? posts = null) =>
        PostPlan.Create("05974", "Kreis Soest", "Arnsberg", First with { Posts = posts ?? DefaultCaps }, Now);

    private static Post PostOf(PostPlan plan, PostCategory category, int fteMilli = 1000) =>
        plan.Posts.First(p => p.Category == category && p.FteMilli == fteMilli && p.IsOpen);

    private static Occupancy FillSpecialist(PostPlan plan, Post post, string staffId, int share, DateOnly from, DateOnly? to = null) =>
        plan.Fill(post.Id, staffId, "Name", share, from, to, secondmentReference: null, Now);

    [Fact]
    public void The_first_approval_cuts_each_category_into_full_posts_and_one_half_post()
    {
        var plan = NewPlan(new ApprovedPosts(2000, 1500, 1000, 500));

        Assert.Equal([1000, 1000], plan.Posts.Where(p => p.Category == PostCategory.Teacher).Select(p => p.FteMilli));
        Assert.Equal([1000, 500], plan.Posts.Where(p => p.Category == PostCategory.Specialist).Select(p => p.FteMilli));
        Assert.Equal([1000], plan.Posts.Where(p => p.Category == PostCategory.Administration).Select(p => p.FteMilli));
        Assert.Equal([500], plan.Posts.Where(p => p.Category == PostCategory.Support).Select(p => p.FteMilli));
        Assert.All(plan.Posts, p => Assert.Equal(First.Start, p.OpensOn));
        Assert.All(plan.Posts.Where(p => p.Category == PostCategory.Teacher), p => Assert.Equal(Ministry.Msw, p.Ministry));
        Assert.All(plan.Posts.Where(p => p.Category != PostCategory.Teacher), p => Assert.Equal(Ministry.Mais, p.Ministry));
    }

    [Fact]
    public void Two_people_may_share_a_post_up_to_its_fte()
    {
        var plan = NewPlan();
        var post = PostOf(plan, PostCategory.Specialist);

        FillSpecialist(plan, post, "st-1", 500, new DateOnly(2013, 3, 1));
        FillSpecialist(plan, post, "st-2", 500, new DateOnly(2013, 3, 1));

        Assert.Equal(1000, post.FilledMilliOn(new DateOnly(2013, 6, 1)));
    }

    [Fact]
    public void A_share_that_would_overfill_the_post_on_some_date_is_refused_and_changes_nothing()
    {
        var plan = NewPlan();
        var post = PostOf(plan, PostCategory.Specialist);
        FillSpecialist(plan, post, "st-1", 600, new DateOnly(2013, 3, 1), new DateOnly(2013, 6, 30));

        var refused = Assert.Throws<RuleViolationException>(() => FillSpecialist(plan, post, "st-2", 500, new DateOnly(2013, 6, 30)));

        Assert.Equal(StaffingReasons.PostOverfilled, refused.Reason);
        Assert.Contains("2013-06-30", refused.Message);
        Assert.Single(post.Occupancies);
        FillSpecialist(plan, post, "st-2", 500, new DateOnly(2013, 7, 1));
        Assert.Equal(2, post.Occupancies.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(550)]
    [InlineData(1100)]
    public void A_share_is_a_tenth_to_a_whole_fte_in_tenths(int share)
    {
        var plan = NewPlan();

        var refused = Assert.Throws<FieldViolationException>(() => FillSpecialist(plan, PostOf(plan, PostCategory.Specialist), "st-1", share, new DateOnly(2013, 3, 1)));

        Assert.Equal(("occupant.share_milli", StaffingReasons.ShareStep), (refused.Field, refused.Reason));
    }

    [Fact]
    public void An_occupancy_cannot_end_before_it_starts()
    {
        var plan = NewPlan();

        var refused = Assert.Throws<FieldViolationException>(() =>
            FillSpecialist(plan, PostOf(plan, PostCategory.Specialist), "st-1", 1000, new DateOnly(2013, 3, 1), new DateOnly(2013, 2, 28)));

        Assert.Equal(("occupant.end_date", StaffingReasons.EndBeforeStart), (refused.Field, refused.Reason));
    }

    [Fact]
    public void A_teacher_post_is_filled_only_with_the_reference_of_the_secondment_order()
    {
        var plan = NewPlan();
        var teacherPost = PostOf(plan, PostCategory.Teacher);

        var missing = Assert.Throws<FieldViolationException>(() =>
            plan.Fill(teacherPost.Id, "t-1", "Lehrerin", 1000, new DateOnly(2013, 8, 1), null, secondmentReference: null, Now));
        var onSpecialistPost = Assert.Throws<FieldViolationException>(() =>
            plan.Fill(PostOf(plan, PostCategory.Specialist).Id, "s-1", "Name", 1000, new DateOnly(2013, 8, 1), null, "BR-48-2013", Now));
        var filled = plan.Fill(teacherPost.Id, "t-1", "Lehrerin", 1000, new DateOnly(2013, 8, 1), null, "BR-48-2013", Now);

        Assert.Equal(StaffingReasons.SecondmentRequired, missing.Reason);
        Assert.Equal(StaffingReasons.SecondmentOnlyForTeachers, onSpecialistPost.Reason);
        Assert.Equal("BR-48-2013", filled.SecondmentReference);
    }

    [Theory]
    [InlineData("2012-12-31", null)]
    [InlineData("2013-03-01", "2014-01-31")]
    [InlineData("2014-01-01", null)]
    public void An_occupancy_lies_within_the_plans_periods(string from, string? to)
    {
        var plan = NewPlan();

        var refused = Assert.Throws<RuleViolationException>(() => FillSpecialist(plan, PostOf(plan, PostCategory.Specialist), "st-1", 1000,
            DateOnly.Parse(from, CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, CultureInfo.InvariantCulture)));

        Assert.Equal(StaffingReasons.OutsidePlan, refused.Reason);
    }

    [Fact]
    public void A_post_added_by_the_next_period_cannot_be_held_before_it_exists()
    {
        var plan = NewPlan(new ApprovedPosts(2000, 1000, 1000, 500));
        var change = plan.ApplyApproval(Next(new ApprovedPosts(2000, 2000, 1000, 500)), Now);
        var added = Assert.Single(change.Added);

        var refused = Assert.Throws<RuleViolationException>(() => FillSpecialist(plan, added, "st-1", 1000, new DateOnly(2013, 12, 1)));

        Assert.Equal(StaffingReasons.OutsidePost, refused.Reason);
        FillSpecialist(plan, added, "st-1", 1000, new DateOnly(2014, 1, 1));
    }

    [Fact]
    public void One_person_holds_a_post_once_at_a_time()
    {
        var plan = NewPlan();
        var post = PostOf(plan, PostCategory.Specialist);
        FillSpecialist(plan, post, "st-1", 500, new DateOnly(2013, 3, 1));

        var refused = Assert.Throws<RuleViolationException>(() => FillSpecialist(plan, post, "st-1", 500, new DateOnly(2013, 5, 1)));

        Assert.Equal(StaffingReasons.AlreadyInPost, refused.Reason);
    }

    [Fact]
    public void Vacating_ends_the_occupancy_with_its_reason()
    {
        var plan = NewPlan();
        var post = PostOf(plan, PostCategory.Specialist);
        FillSpecialist(plan, post, "st-1", 1000, new DateOnly(2013, 3, 1));

        var (ended, closed) = plan.Vacate(post.Id, "st-1", new DateOnly(2013, 8, 31), VacateReason.Resigned, Now);

        Assert.Equal((new DateOnly(2013, 8, 31), VacateReason.Resigned), (ended.To!.Value, ended.VacateReason!.Value));
        Assert.Null(closed);
        Assert.Equal(0, post.FilledMilliOn(new DateOnly(2013, 9, 1)));
        Assert.Equal(new DateOnly(2013, 9, 1), plan.VacantSince(post, new DateOnly(2013, 11, 15)));
        Assert.Null(plan.VacantSince(post, new DateOnly(2014, 1, 15)));
    }

    [Fact]
    public void Vacating_someone_not_in_the_post_is_refused()
    {
        var plan = NewPlan();

        var refused = Assert.Throws<RuleViolationException>(() =>
            plan.Vacate(PostOf(plan, PostCategory.Specialist).Id, "st-9", new DateOnly(2013, 8, 31), VacateReason.Other, Now));

        Assert.Equal(StaffingReasons.NotInPost, refused.Reason);
    }

    [Fact]
    public void A_change_of_share_ends_the_old_share_the_day_before_and_keeps_the_end()
    {
        var plan = NewPlan();
        var post = PostOf(plan, PostCategory.Specialist);
        FillSpecialist(plan, post, "st-1", 1000, new DateOnly(2013, 3, 1), new DateOnly(2013, 12, 31));

        var (ended, started) = plan.ChangeShare(post.Id, "st-1", new DateOnly(2013, 7, 1), 500, Now);

        Assert.Equal(new DateOnly(2013, 6, 30), ended.To);
        Assert.Equal((new DateOnly(2013, 7, 1), (DateOnly?)new DateOnly(2013, 12, 31), 500), (started.From, started.To, started.ShareMilli));
        Assert.Equal(500, post.FilledMilliOn(new DateOnly(2013, 7, 1)));
    }

    [Fact]
    public void A_change_of_share_that_would_overfill_the_post_is_refused_and_changes_nothing()
    {
        var plan = NewPlan();
        var post = PostOf(plan, PostCategory.Specialist);
        FillSpecialist(plan, post, "st-1", 500, new DateOnly(2013, 3, 1));
        FillSpecialist(plan, post, "st-2", 500, new DateOnly(2013, 3, 1));

        var refused = Assert.Throws<RuleViolationException>(() => plan.ChangeShare(post.Id, "st-1", new DateOnly(2013, 7, 1), 600, Now));

        Assert.Equal(StaffingReasons.PostOverfilled, refused.Reason);
        Assert.Equal(2, post.Occupancies.Count);
        Assert.All(post.Occupancies, o => Assert.Null(o.To));
    }

    [Fact]
    public void The_head_and_the_deputy_hold_a_full_time_share_and_are_two_people()
    {
        var plan = NewPlan();
        var today = new DateOnly(2013, 4, 1);
        FillSpecialist(plan, plan.Posts.Where(p => p.Category == PostCategory.Specialist).ElementAt(0), "lead", 1000, new DateOnly(2013, 3, 1));
        FillSpecialist(plan, plan.Posts.Where(p => p.Category == PostCategory.Specialist).ElementAt(1), "half", 500, new DateOnly(2013, 3, 1));

        var partTime = Assert.Throws<RuleViolationException>(() => plan.AppointLead("half", deputy: true, today, Now));
        plan.AppointLead("lead", deputy: false, today, Now);
        var twice = Assert.Throws<RuleViolationException>(() => plan.AppointLead("lead", deputy: true, today, Now));

        Assert.Equal(StaffingReasons.LeadNotFullTime, partTime.Reason);
        Assert.Equal(StaffingReasons.LeadTwice, twice.Reason);
        Assert.Equal("lead", plan.HeadStaffId);
        Assert.Null(plan.DeputyHeadStaffId);
    }

    [Fact]
    public void The_next_period_carries_posts_and_open_ended_occupants_forward()
    {
        var plan = NewPlan();
        var post = PostOf(plan, PostCategory.Specialist);
        FillSpecialist(plan, post, "st-1", 1000, new DateOnly(2013, 3, 1));

        var change = plan.ApplyApproval(Next(DefaultCaps), Now);

        Assert.Empty(change.Added);
        Assert.Empty(change.Cut);
        Assert.Equal(["2013", "2014"], plan.Periods.Select(p => p.PeriodId));
        Assert.Equal(1000, post.FilledMilliOn(new DateOnly(2014, 6, 1)));
        FillSpecialist(plan, PostOf(plan, PostCategory.Administration), "st-2", 1000, new DateOnly(2014, 2, 1), new DateOnly(2014, 12, 31));
    }

    [Fact]
    public void Fewer_posts_in_the_next_period_close_vacant_posts_and_keep_held_ones_as_surplus_until_they_fall_vacant()
    {
        var plan = NewPlan();
        var specialists = plan.Posts.Where(p => p.Category == PostCategory.Specialist).ToList();
        FillSpecialist(plan, specialists[0], "st-1", 1000, new DateOnly(2013, 3, 1));
        FillSpecialist(plan, specialists[1], "st-2", 1000, new DateOnly(2013, 3, 1));
        var support = PostOf(plan, PostCategory.Support, 500);

        var change = plan.ApplyApproval(Next(new ApprovedPosts(2000, 1000, 1000, 0)), Now);

        Assert.Equal([support.Id], change.Cut.Select(p => p.Id));
        Assert.Equal(new DateOnly(2013, 12, 31), support.ClosesAfter);
        Assert.Equal(1000, plan.SurplusMilli()[PostCategory.Specialist]);
        var (_, closed) = plan.Vacate(specialists[1].Id, "st-2", new DateOnly(2014, 3, 31), VacateReason.ContractEnded, Now);
        Assert.Equal(specialists[1].Id, closed?.Id);
        Assert.Equal(new DateOnly(2014, 3, 31), closed!.ClosesAfter);
        Assert.Empty(plan.SurplusMilli());
    }

    [Fact]
    public void More_posts_in_the_next_period_open_at_its_start()
    {
        var plan = NewPlan(new ApprovedPosts(1000, 1000, 1000, 0));

        var change = plan.ApplyApproval(Next(new ApprovedPosts(2000, 1500, 1000, 500)), Now);

        Assert.Equal([(PostCategory.Teacher, 1000), (PostCategory.Specialist, 500), (PostCategory.Support, 500)],
            change.Added.Select(p => (p.Category, p.FteMilli)));
        Assert.All(change.Added, p => Assert.Equal(new DateOnly(2014, 1, 1), p.OpensOn));
    }

    [Fact]
    public void An_approval_for_a_period_not_after_the_plans_last_is_refused()
    {
        var plan = NewPlan();

        var refused = Assert.Throws<RuleViolationException>(() => plan.ApplyApproval(First with { PeriodId = "2013-b" }, Now));

        Assert.Equal(StaffingReasons.PeriodNotAfterPlan, refused.Reason);
    }

    [Fact]
    public void A_post_opened_by_a_later_period_counts_no_vacancy_before_it_exists()
    {
        var plan = NewPlan(new ApprovedPosts(0, 1000, 0, 0));
        var added = Assert.Single(plan.ApplyApproval(Next(new ApprovedPosts(0, 2000, 0, 0)), Now).Added);

        var months = added.VacancyIn(new DateOnly(2013, 12, 1), new DateOnly(2014, 1, 31));

        Assert.Equal([0L, 31_000L], months.Select(m => m.VacantMilliDays));
    }

    [Fact]
    public void Fill_counts_give_planned_and_held_fte_per_district_and_category()
    {
        var plan = NewPlan();
        FillSpecialist(plan, PostOf(plan, PostCategory.Specialist), "st-1", 800, new DateOnly(2013, 3, 1));

        var counts = FillCounts.On([plan], new DateOnly(2013, 6, 1));

        Assert.Contains(new DistrictFteCount("Arnsberg", PostCategory.Specialist, 2000, 800), counts);
        Assert.Contains(new FteCount(PostCategory.Teacher, 2000, 0), FillCounts.ByCategory(counts));
    }
}
