namespace KiPlatform.Staffing.PostPlans;

/// <summary>Approved posts per category in thousandths of an FTE, each a multiple of 500.</summary>
public sealed record ApprovedPosts(int TeacherMilli, int SpecialistMilli, int AdministrationMilli, int SupportMilli)
{
    public int Of(PostCategory category) => category switch
    {
        PostCategory.Teacher => TeacherMilli,
        PostCategory.Specialist => SpecialistMilli,
        PostCategory.Administration => AdministrationMilli,
        PostCategory.Support => SupportMilli,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };
}

/// <summary>What an approval (Bewilligung) of a KI for one funding period grants, as the plan needs it.</summary>
/// <param name="PeriodId">The funding period's id, e.g. "2013".</param>
/// <param name="Start">The period's first day.</param>
/// <param name="End">The period's last day.</param>
public sealed record Approval(string PeriodId, DateOnly Start, DateOnly End, Guid ApplicationId, ApprovedPosts Posts, DateTimeOffset ApprovedAt);
