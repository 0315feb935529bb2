using System.Globalization;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.IntegrationEvents.Staffing;
using KiPlatform.Notifications.Inbox;

namespace KiPlatform.Notifications.Notices;

/// <summary>
/// Who learns of which event, in one place: each domain event the service consumes maps to its recipients and the
/// template that words it for them. An event no rule names tells no one.
/// </summary>
public static class NoticeRules
{
    private static readonly string[] Statewide = [Recipients.Mais, Recipients.Msw, Recipients.StatewideCoordination];

    public static IReadOnlyList<Notice> For(object @event) => @event switch
    {
        ApplicationSubmitted e => To(Statewide, "application-submitted.statewide", e.Ags, Application(e.ApplicationId),
            Posts(e.PeriodId, e.RequestedPosts).With("submitted_on", Day(e.SubmittedAt))),
        DocumentsRequested e => To([Municipality(e.Ags)], "documents-requested.municipality", e.Ags, Application(e.ApplicationId),
            Values(("period", e.PeriodId), ("reason", e.Reason))),
        ApplicationApproved e =>
        [
            .. To([Municipality(e.Ags)], "application-approved.municipality", e.Ags, Application(e.ApplicationId), Posts(e.PeriodId, e.ApprovedPosts)),
            .. To([Recipients.StatewideCoordination], "application-approved.statewide", e.Ags, Application(e.ApplicationId),
                Posts(e.PeriodId, e.ApprovedPosts).With("approved_on", Day(e.ApprovedAt))),
        ],
        ApplicationRejected e =>
        [
            .. To([Municipality(e.Ags)], "application-rejected.municipality", e.Ags, Application(e.ApplicationId), Values(("period", e.PeriodId), ("reason", e.Reason))),
            .. To([Recipients.StatewideCoordination], "application-rejected.statewide", e.Ags, Application(e.ApplicationId),
                Values(("period", e.PeriodId), ("reason", e.Reason), ("rejected_on", Day(e.RejectedAt)))),
        ],
        ApplicationWithdrawn e =>
        [
            .. To([Municipality(e.Ags)], "application-withdrawn.municipality", e.Ags, Application(e.ApplicationId), Withdrawn(e)),
            .. To(Statewide, "application-withdrawn.statewide", e.Ags, Application(e.ApplicationId), Withdrawn(e)),
        ],
        PostPlanCreated e =>
        [
            .. To([Municipality(e.Ags)], "post-plan-created.municipality", e.Ags, PostPlan(e.Ags), PlanValues(e)),
            .. To([Recipients.Msw], "post-plan-created.statewide", e.Ags, PostPlan(e.Ags), PlanValues(e)),
        ],
        // The municipality's mail carries the notice itself.
        GrantIssued e => [.. To([Municipality(e.Ags)], "grant-issued.municipality", e.Ags, Grant(e.GrantId), Values(
            ("number", e.Number), ("period", e.PeriodId), ("total", e.TotalCents), ("start", Iso(e.Start)), ("months", e.Months),
            ("notice_date", Iso(e.NoticeDate)))).Select(n => n with { MailsNotice = true })],
        GrantQueuedForBudget e =>
        [
            .. To([Municipality(e.Ags)], "grant-queued.municipality", e.Ags, Grant(e.GrantId), Queued(e)),
            .. To([Recipients.Mais], "grant-queued.statewide", e.Ags, Grant(e.GrantId), Queued(e)),
        ],
        GrantFinal e => To([Municipality(e.Ags)], "grant-final.municipality", e.Ags, Grant(e.GrantId),
            Values(("number", e.Number), ("final_on", Iso(e.FinalOn)), ("waived", e.Waived))),
        DisbursementRequested e => To([Recipients.Mais], "disbursement-requested.statewide", e.Ags, Grant(e.GrantId),
            Values(("number", e.Number), ("period", e.PeriodId), ("amount", e.AmountCents), ("need", e.TwoMonthNeedCents))),
        DisbursementRefused e => To([Municipality(e.Ags)], "disbursement-refused.municipality", e.Ags, Grant(e.GrantId),
            Values(("number", e.Number), ("amount", e.AmountCents), ("reason", e.Reason))),
        DisbursementPaid e => To([Municipality(e.Ags)], "disbursement-paid.municipality", e.Ags, Grant(e.GrantId), Paid(e)),
        ProofOfUseDue e => To([Municipality(e.Ags)], "proof-of-use-due.municipality", e.Ags, Grant(e.GrantId),
            Values(("number", e.Number), ("due_on", Iso(e.DueOn)), ("reminder", e.Reminder))),
        ProofOfUseOverdue e =>
        [
            .. To([Municipality(e.Ags)], "proof-of-use-overdue.municipality", e.Ags, Grant(e.GrantId), Values(("number", e.Number), ("due_on", Iso(e.DueOn)))),
            .. To([Recipients.Mais], "proof-of-use-overdue.statewide", e.Ags, Grant(e.GrantId), Values(("number", e.Number), ("due_on", Iso(e.DueOn)))),
        ],
        ProofOfUseSubmitted e => To([Recipients.Mais], "proof-of-use-submitted.statewide", e.Ags, Grant(e.GrantId),
            Values(("number", e.Number), ("period", e.PeriodId))),
        GrantPartiallyRevoked e =>
        [
            .. To([Municipality(e.Ags)], "grant-partially-revoked.municipality", e.Ags, Grant(e.GrantId), Revoked(e)),
            .. To([Recipients.StatewideCoordination], "grant-partially-revoked.statewide", e.Ags, Grant(e.GrantId), Revoked(e)),
        ],
        GrantClosed e =>
        [
            .. To([Municipality(e.Ags)], "grant-closed.municipality", e.Ags, Grant(e.GrantId), Closed(e)),
            .. To([Recipients.StatewideCoordination], "grant-closed.statewide", e.Ags, Grant(e.GrantId), Closed(e)),
        ],
        MunicipalitiesSeeded e => To([Recipients.StatewideCoordination], "municipalities-seeded.statewide", null, "",
            Values(("added", e.AddedCount), ("total", e.TotalCount))),
        _ => [],
    };

    private static string Municipality(string ags) => Recipients.MunicipalityPrefix + ags;

    private static string Application(Guid id) => $"applications/{id}";

    private static string PostPlan(string ags) => $"postPlans/{ags}";

    private static string Grant(Guid id) => $"grants/{id}";

    private static Notice[] To(string[] recipients, string template, string? ags, string resource, Dictionary<string, object> values) =>
        [.. recipients.Select(r => new Notice(r, template, ags, values, resource))];

    private static Dictionary<string, object> Values(params (string Key, object Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);

    private static Dictionary<string, object> With(this Dictionary<string, object> values, string key, object value)
    {
        values[key] = value;
        return values;
    }

    private static Dictionary<string, object> Posts(string periodId, PostFte posts) => Values(
        ("period", periodId), ("teacher_fte", Fte(posts.TeacherFte)), ("specialist_fte", Fte(posts.SpecialistFte)),
        ("administrative_fte", Fte(posts.AdministrativeFte)), ("support_fte", Fte(posts.SupportFte)));

    private static Dictionary<string, object> Withdrawn(ApplicationWithdrawn e) =>
        Values(("period", e.PeriodId), ("reason", e.Reason), ("withdrawn_on", Day(e.WithdrawnAt)));

    private static Dictionary<string, object> PlanValues(PostPlanCreated e) => Values(
        ("period", e.PeriodId), ("post_count", e.Posts.Count),
        ("teacher_fte", Domain.GermanFormat.Fte(e.Posts.Where(p => p.Category == "Teacher").Sum(p => p.FteMilli))));

    private static Dictionary<string, object> Queued(GrantQueuedForBudget e) =>
        Values(("period", e.PeriodId), ("total", e.TotalCents), ("left", e.BudgetLeftCents));

    /// <summary>A call-off names no tranche date: the template leaves the tranche out.</summary>
    private static Dictionary<string, object> Paid(DisbursementPaid e)
    {
        var values = Values(("number", e.Number), ("amount", e.AmountCents), ("paid_on", Iso(e.PaidOn)), ("disbursed", e.DisbursedCents));
        return e.TrancheOn is { } tranche ? values.With("tranche_on", Iso(tranche)) : values;
    }

    private static Dictionary<string, object> Revoked(GrantPartiallyRevoked e) => Values(
        ("number", e.Number), ("revoked", e.RevokedCents), ("repayable", e.RepayableCents), ("reason", e.Reason), ("revoked_on", Iso(e.RevokedOn)));

    private static Dictionary<string, object> Closed(GrantClosed e) =>
        Values(("number", e.Number), ("repaid", e.RepaidCents), ("interest", e.InterestPaidCents));

    private static string Fte(decimal fte) => Domain.GermanFormat.Fte((int)(fte * 1000m));

    private static string Day(DateTimeOffset instant) => Iso(Domain.StateCalendar.DayOf(instant));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
