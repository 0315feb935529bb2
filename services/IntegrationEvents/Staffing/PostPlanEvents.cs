namespace KiPlatform.IntegrationEvents.Staffing;

// Events of the Staffing service. They carry pseudonymous staff ids only: a consumer that needs a name asks Staffing.
// Sizes and shares are thousandths of an FTE (1000 = 1.0 FTE); categories are "Teacher", "Specialist",
// "Administration", "Support"; ministries "Msw" (teacher posts) and "Mais" (the others).

/// <summary>One post of a plan (<c>postPlans/{Ags}/posts/{PostId}</c>).</summary>
/// <param name="OpensOn">The post's first day.</param>
/// <param name="ClosesAfter">The last day of a post that was cut; none while it stands.</param>
public sealed record PlannedPost(Guid PostId, string Category, string Ministry, int FteMilli, DateOnly OpensOn, DateOnly? ClosesAfter);

/// <summary>The first approval of a KI made its post plan.</summary>
public sealed record PostPlanCreated(string Ags, string PeriodId, Guid ApplicationId, IReadOnlyList<PlannedPost> Posts, DateTimeOffset CreatedAt);

/// <summary>
/// A later approval (or a surplus post falling vacant) changed the posts of a plan. <paramref name="SurplusMilliByCategory"/>
/// names, per category, the FTE of posts the approval no longer covers but that are still held.
/// </summary>
public sealed record PostPlanChanged(
    string Ags, string PeriodId, Guid? ApplicationId, IReadOnlyList<PlannedPost> Added, IReadOnlyList<PlannedPost> Cut,
    IReadOnlyDictionary<string, int> SurplusMilliByCategory, DateTimeOffset ChangedAt);

/// <summary>A staff member (by pseudonymous id) took a share of a post from <paramref name="From"/>, until <paramref name="To"/> if known.</summary>
public sealed record PostFilled(
    string Ags, Guid PostId, string Category, string Ministry, int PostFteMilli, string StaffId, int ShareMilli,
    DateOnly From, DateOnly? To, DateTimeOffset FilledAt);

/// <summary>A staff member's share of a post ended after <paramref name="LastDay"/>; <paramref name="Reason"/> is a code, e.g. "ContractEnded".</summary>
public sealed record PostVacated(
    string Ags, Guid PostId, string Category, string Ministry, int PostFteMilli, string StaffId, int ShareMilli,
    DateOnly From, DateOnly LastDay, string Reason, DateTimeOffset VacatedAt);
