namespace KiPlatform.Staffing.PostPlans;

/// <summary>One funding period a plan was approved for, with the approval's posts.</summary>
public sealed class PlanPeriod
{
    private PlanPeriod()
    {
    }

    public Guid Id { get; private init; }

    public string PeriodId { get; private init; } = "";

    public DateOnly Start { get; private init; }

    public DateOnly End { get; private init; }

    public Guid ApplicationId { get; private init; }

    public DateTimeOffset ApprovedAt { get; private init; }

    public ApprovedPosts Approved { get; private init; } = null!;

    public bool Covers(DateOnly day) => Start <= day && day <= End;

    internal static PlanPeriod From(Approval approval) => new()
    {
        Id = Guid.CreateVersion7(),
        PeriodId = approval.PeriodId,
        Start = approval.Start,
        End = approval.End,
        ApplicationId = approval.ApplicationId,
        ApprovedAt = approval.ApprovedAt,
        Approved = approval.Posts,
    };
}
