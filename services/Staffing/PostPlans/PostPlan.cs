using KiPlatform.Domain;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>What an approval changed in a plan that existed already.</summary>
/// <param name="Added">Posts opened at the new period's start.</param>
/// <param name="Cut">Posts closed because the new approval has fewer, each vacant from the new period on.</param>
public sealed record PlanChange(IReadOnlyList<Post> Added, IReadOnlyList<Post> Cut);

/// <summary>
/// The post plan (Stellenplan) of one municipality's KI: the periods it was approved for, its posts and who holds them,
/// and who leads it. Created by the first approval; each later approval carries posts and occupants forward and adds
/// or cuts posts to the new figures. A post that should be cut but is still held stays, as surplus, until it is vacant.
/// </summary>
public sealed class PostPlan
{
    public const int FullTimeMilli = 1000;
    public const int ShareStepMilli = 100;

    private readonly List<PlanPeriod> _periods = [];
    private readonly List<Post> _posts = [];

    private PostPlan()
    {
    }

    public Guid Id { get; private init; }

    /// <summary>The municipality (by AGS) whose KI this is; one plan per municipality.</summary>
    public string Ags { get; private init; } = "";

    /// <summary>The municipality's official name, as the Applications service gave it when the plan was made.</summary>
    public string MunicipalityDisplayName { get; private set; } = "";

    /// <summary>The administrative district (Regierungsbezirk) the municipality lies in.</summary>
    public string GovernmentDistrict { get; private set; } = "";

    /// <summary>The staff id of the head of the KI (Leitung), who holds a full-time share.</summary>
    public string? HeadStaffId { get; private set; }

    /// <summary>The staff id of the deputy head, who holds a full-time share.</summary>
    public string? DeputyHeadStaffId { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The row version: the plan's etag.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<PlanPeriod> Periods => _periods;

    public IReadOnlyList<Post> Posts => _posts;

    public DateOnly Start => _periods.Min(p => p.Start);

    public DateOnly End => _periods.Max(p => p.End);

    public PlanPeriod LatestPeriod => _periods.MaxBy(p => p.Start)!;

    public static PostPlan Create(string ags, string municipalityDisplayName, string governmentDistrict, Approval approval, DateTimeOffset now)
    {
        var plan = new PostPlan
        {
            Id = Guid.CreateVersion7(),
            Ags = ags,
            MunicipalityDisplayName = municipalityDisplayName,
            GovernmentDistrict = governmentDistrict,
            CreatedAt = now,
            UpdatedAt = now,
        };
        plan._periods.Add(PlanPeriod.From(approval));
        foreach (var category in PostCategories.All)
        {
            plan._posts.AddRange(PostCutting.Cut(approval.Posts.Of(category)).Select(size => PostPlans.Post.Open(category, size, approval.Start)));
        }

        return plan;
    }

    /// <summary>Whether one of the plan's periods covers <paramref name="day"/>: outside them the KI has no approved posts.</summary>
    public bool Covers(DateOnly day) => _periods.Any(p => p.Covers(day));

    /// <summary>
    /// The first day of the vacancy that lasts until <paramref name="day"/> (some FTE of the post unfilled every day
    /// the plan covers it), or none when the post is filled in full on that day, or neither it nor the plan stands then.
    /// </summary>
    public DateOnly? VacantSince(Post post, DateOnly day)
    {
        bool Vacant(DateOnly d) => Covers(d) && post.ExistsOn(d) && post.FilledMilliOn(d) < post.FteMilli;
        if (!Vacant(day))
        {
            return null;
        }

        var since = day;
        while (Vacant(since.AddDays(-1)))
        {
            since = since.AddDays(-1);
        }

        return since;
    }

    public bool HasPeriod(string periodId) => _periods.Any(p => p.PeriodId == periodId);

    public PlanPeriod Period(string periodId) => _periods.FirstOrDefault(p => p.PeriodId == periodId)
        ?? throw new RuleViolationException("PERIOD", $"fundingPeriods/{periodId}",
            $"The plan has no approval for funding period {periodId}.", StaffingReasons.PeriodNotInPlan);

    public Post PostById(Guid postId) => _posts.FirstOrDefault(p => p.Id == postId)
        ?? throw new ResourceNotFoundException($"postPlans/{Ags}/posts/{postId}", StaffingReasons.PostNotFound);

    /// <summary>
    /// Takes the approval of a further period: posts whose size the new figures still have keep their occupants;
    /// missing ones open at the new period's start; ones too many close the day before it if nobody holds them from
    /// then on, and otherwise stay as surplus (<see cref="SurplusMilli"/>) until they are vacant.
    /// </summary>
    public PlanChange ApplyApproval(Approval approval, DateTimeOffset now)
    {
        if (approval.Start <= End)
        {
            throw new RuleViolationException("PERIOD", $"fundingPeriods/{approval.PeriodId}",
                $"Funding period {approval.PeriodId} starts on {approval.Start:yyyy-MM-dd}, not after the plan's last period ends ({End:yyyy-MM-dd}).",
                StaffingReasons.PeriodNotAfterPlan);
        }

        var added = new List<Post>();
        var cut = new List<Post>();
        foreach (var category in PostCategories.All)
        {
            // Held posts first, so that occupants keep their posts wherever the new figures allow.
            var standing = _posts.Where(p => p.Category == category && p.IsOpen)
                .OrderByDescending(p => p.IsHeldOnOrAfter(approval.Start)).ThenByDescending(p => p.FteMilli).ToList();
            foreach (var size in PostCutting.Cut(approval.Posts.Of(category)))
            {
                var kept = standing.FirstOrDefault(p => p.FteMilli == size);
                if (kept is not null)
                {
                    standing.Remove(kept);
                }
                else
                {
                    added.Add(PostPlans.Post.Open(category, size, approval.Start));
                }
            }

            foreach (var extra in standing.Where(p => !p.IsHeldOnOrAfter(approval.Start)))
            {
                extra.Close(approval.Start.AddDays(-1));
                cut.Add(extra);
            }
        }

        _posts.AddRange(added);
        _periods.Add(PlanPeriod.From(approval));
        UpdatedAt = now;
        return new PlanChange(added, cut);
    }

    /// <summary>Per category, the FTE of standing posts beyond what the latest approval grants: posts still held that a cut would close.</summary>
    public IReadOnlyDictionary<PostCategory, int> SurplusMilli()
    {
        var approved = LatestPeriod.Approved;
        return PostCategories.All
            .Select(c => (Category: c, Surplus: _posts.Where(p => p.Category == c && p.IsOpen).Sum(p => p.FteMilli) - approved.Of(c)))
            .Where(s => s.Surplus > 0)
            .ToDictionary(s => s.Category, s => s.Surplus);
    }

    /// <summary>Puts a staff member into a post (Stellenbesetzung).</summary>
    public Occupancy Fill(Guid postId, string staffId, string displayName, int shareMilli, DateOnly from, DateOnly? to, string? secondmentReference, DateTimeOffset now)
    {
        var post = PostById(postId);
        EnsureShare(shareMilli, "occupant.share_milli");
        if (to is { } end && end < from)
        {
            throw new FieldViolationException("occupant.end_date", $"The end date {end:yyyy-MM-dd} lies before the start date {from:yyyy-MM-dd}.", StaffingReasons.EndBeforeStart);
        }

        if (post.Category == PostCategory.Teacher && string.IsNullOrWhiteSpace(secondmentReference))
        {
            throw new FieldViolationException("occupant.secondment_reference",
                "A teacher post is filled by secondment: give the reference of the secondment order (Abordnungsverfügung).", StaffingReasons.SecondmentRequired);
        }

        if (post.Category != PostCategory.Teacher && !string.IsNullOrEmpty(secondmentReference))
        {
            throw new FieldViolationException("occupant.secondment_reference",
                "Only teacher posts are filled by secondment; leave the reference empty for this post.", StaffingReasons.SecondmentOnlyForTeachers);
        }

        EnsureWithinPlanAndPost(post, from, to);
        if (post.Occupancies.Any(o => o.StaffId == staffId && o.From <= (to ?? DateOnly.MaxValue) && o.ReachesOnOrAfter(from)))
        {
            throw new RuleViolationException("OCCUPANCY", staffId,
                "This staff member already holds a share of this post for part of that time; change the share instead.", StaffingReasons.AlreadyInPost);
        }

        var occupancy = Occupancy.Start(staffId, displayName, shareMilli, from, to, post.Category == PostCategory.Teacher ? secondmentReference : null);
        post.Add(occupancy);
        UpdatedAt = now;
        return occupancy;
    }

    /// <summary>Ends a staff member's occupancy after <paramref name="lastDay"/>. Frees surplus posts, which then close.</summary>
    /// <returns>The ended occupancy, and the post if it closed because it was surplus.</returns>
    public (Occupancy Ended, Post? Closed) Vacate(Guid postId, string staffId, DateOnly lastDay, VacateReason reason, DateTimeOffset now)
    {
        var post = PostById(postId);
        var occupancy = post.Occupancies.Where(o => o.StaffId == staffId && o.ReachesOnOrAfter(lastDay)).MinBy(o => o.From)
            ?? throw new RuleViolationException("OCCUPANCY", staffId, $"This staff member holds no share of the post on {lastDay:yyyy-MM-dd} or later.", StaffingReasons.NotInPost);
        if (lastDay < occupancy.From.AddDays(-1))
        {
            throw new FieldViolationException("last_day", $"The last day {lastDay:yyyy-MM-dd} lies before the occupancy began ({occupancy.From:yyyy-MM-dd}).", StaffingReasons.EndBeforeStart);
        }

        occupancy.End(lastDay, reason);
        if (!HoldsAnyShareAfter(staffId, lastDay))
        {
            HeadStaffId = HeadStaffId == staffId ? null : HeadStaffId;
            DeputyHeadStaffId = DeputyHeadStaffId == staffId ? null : DeputyHeadStaffId;
        }

        var closed = CloseIfSurplus(post, lastDay);
        UpdatedAt = now;
        return (occupancy, closed);
    }

    /// <summary>Changes a staff member's share from <paramref name="effective"/> on: the old share ends the day before, the new one continues.</summary>
    public (Occupancy Ended, Occupancy Started) ChangeShare(Guid postId, string staffId, DateOnly effective, int shareMilli, DateTimeOffset now)
    {
        var post = PostById(postId);
        EnsureShare(shareMilli, "share_milli");
        var current = post.OccupancyOf(staffId, effective)
            ?? throw new RuleViolationException("OCCUPANCY", staffId, $"This staff member holds no share of the post on {effective:yyyy-MM-dd}.", StaffingReasons.NotInPost);
        if (effective == current.From)
        {
            throw new FieldViolationException("effective_date",
                "The share changes from a day after the occupancy began; to correct the first day's share, vacate and fill again.", StaffingReasons.EndBeforeStart);
        }

        var continued = current.ContinueWithShare(shareMilli, effective);
        post.Split(current, continued);
        UpdatedAt = now;
        return (current, continued);
    }

    /// <summary>Appoints the head (or the deputy head) of the KI: a staff member with a full-time share of the plan on <paramref name="today"/>.</summary>
    public void AppointLead(string staffId, bool deputy, DateOnly today, DateTimeOffset now)
    {
        var on = today < Start ? Start : today > End ? End : today;
        var held = _posts.SelectMany(p => p.Occupancies).Where(o => o.StaffId == staffId && o.HoldsOn(on)).Sum(o => o.ShareMilli);
        if (held != FullTimeMilli)
        {
            throw new RuleViolationException("LEAD", staffId,
                $"The head and the deputy head hold a full-time share; this staff member holds {held / 1000m:0.0} FTE on {on:yyyy-MM-dd}.", StaffingReasons.LeadNotFullTime);
        }

        if ((deputy ? HeadStaffId : DeputyHeadStaffId) == staffId)
        {
            throw new RuleViolationException("LEAD", staffId, "The head and the deputy head are two different people.", StaffingReasons.LeadTwice);
        }

        if (deputy)
        {
            DeputyHeadStaffId = staffId;
        }
        else
        {
            HeadStaffId = staffId;
        }

        UpdatedAt = now;
    }

    private static void EnsureShare(int shareMilli, string field)
    {
        if (shareMilli < ShareStepMilli || shareMilli > FullTimeMilli || shareMilli % ShareStepMilli != 0)
        {
            throw new FieldViolationException(field, $"A share is 0.1 to 1.0 FTE in steps of 0.1 (100 to 1000 thousandths); {shareMilli} is not.", StaffingReasons.ShareStep);
        }
    }

    private void EnsureWithinPlanAndPost(Post post, DateOnly from, DateOnly? to)
    {
        if (from < Start || from > End || (to is { } end && end > End))
        {
            throw new RuleViolationException("PERIOD", $"postPlans/{Ags}",
                $"The plan covers {Start:yyyy-MM-dd} to {End:yyyy-MM-dd}; an occupancy lies within it.", StaffingReasons.OutsidePlan);
        }

        if (from < post.OpensOn || (post.ClosesAfter is { } last && (to is null || to > last)))
        {
            throw new RuleViolationException("PERIOD", $"postPlans/{Ags}/posts/{post.Id}",
                $"The post exists from {post.OpensOn:yyyy-MM-dd}{(post.ClosesAfter is { } l ? $" to {l:yyyy-MM-dd}" : "")}; an occupancy lies within it.",
                StaffingReasons.OutsidePost);
        }
    }

    private bool HoldsAnyShareAfter(string staffId, DateOnly day) =>
        _posts.SelectMany(p => p.Occupancies).Any(o => o.StaffId == staffId && o.ReachesOnOrAfter(day.AddDays(1)));

    private Post? CloseIfSurplus(Post post, DateOnly lastDay)
    {
        var latest = LatestPeriod;
        if (!post.IsOpen || post.IsHeldOnOrAfter(lastDay.AddDays(1)) || SurplusMilli().GetValueOrDefault(post.Category) < post.FteMilli)
        {
            return null;
        }

        // A surplus post closes once nobody holds it: the day its last occupant leaves, or before the period that cut it.
        post.Close(lastDay < latest.Start ? latest.Start.AddDays(-1) : lastDay);
        return post;
    }
}
