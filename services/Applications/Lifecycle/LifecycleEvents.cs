using KiPlatform.IntegrationEvents.Applications;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>The integration event a step publishes, if any: other services hear of submissions, requests and decisions.</summary>
internal static class LifecycleEvents
{
    public static object? For(Application application, ApplicationStep step) => step switch
    {
        { Action: StepAction.Submitted } => new ApplicationSubmitted(
            application.Id, application.Ags, application.PeriodId, application.Content.RequestedPosts.ToEvent(), step.At),
        { Action: StepAction.DocumentsRequested } => new DocumentsRequested(
            application.Id, application.Ags, application.PeriodId, step.Reason ?? "", step.At),
        { ToStatus: ApplicationStatus.Approved, FromStatus: not ApplicationStatus.Approved } => new ApplicationApproved(
            application.Id, application.Ags, application.PeriodId, application.ApprovedPosts!.ToEvent(), step.At),
        { Action: StepAction.Rejected } => new ApplicationRejected(
            application.Id, application.Ags, application.PeriodId, step.Reason ?? "", step.At),
        { Action: StepAction.Withdrawn } => new ApplicationWithdrawn(
            application.Id, application.Ags, application.PeriodId, step.Reason ?? "", step.At),
        _ => null,
    };

    private static PostFte ToEvent(this FteByCategory posts) => new(posts.Teacher, posts.Specialist, posts.Administrative, posts.Support);
}
