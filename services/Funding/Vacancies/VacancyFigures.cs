namespace KiPlatform.Funding.Vacancies;

/// <summary>
/// The vacancy of a grant's posts as Staffing last reported it (its GetPlanVacancy), kept so the grant answers what is
/// owed while Staffing is down. <see cref="ChangesSeen"/> counts the <c>PostVacated</c>/<c>PostFilled</c> events of the
/// municipality; figures taken before the latest of them are stale and are fetched again.
/// </summary>
public sealed class VacancyFigures
{
    private VacancyFigures()
    {
    }

    public Guid GrantId { get; private init; }

    public string Ags { get; private init; } = "";

    public IReadOnlyList<VacantPostMonth> Months { get; private set; } = [];

    /// <summary>When Staffing gave the figures held; none before the first fetch.</summary>
    public DateTimeOffset? TakenAt { get; private set; }

    /// <summary>How many changes of the municipality's staffing this service has heard of.</summary>
    public int ChangesSeen { get; private set; }

    /// <summary>How many of those the figures held include.</summary>
    public int ChangesTaken { get; private set; }

    public bool IsStale => TakenAt is null || ChangesTaken < ChangesSeen;

    public static VacancyFigures For(Guid grantId, string ags) => new() { GrantId = grantId, Ags = ags, ChangesSeen = 1 };

    /// <summary>Keeps figures fetched when <paramref name="changesBefore"/> changes had been seen.</summary>
    public void Take(IReadOnlyList<VacantPostMonth> months, int changesBefore, DateTimeOffset at)
    {
        (Months, TakenAt, ChangesTaken) = (months, at, Math.Max(ChangesTaken, changesBefore));
    }
}
