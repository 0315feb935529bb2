using System.Runtime.CompilerServices;
using Google.Protobuf.WellKnownTypes;
using KiPlatform.Applications.Municipalities;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>Translates between the aggregate and the messages of ki.applications.v1.</summary>
internal static class ApplicationContract
{
    /// <summary>
    /// The view without the contact of each application message, made once: a cached application is one shared message
    /// (<see cref="CachedMessages"/>), and copying it on every LaKI read cost that read a sixth of its throughput
    /// (docs/benchmarks.md).
    /// </summary>
    private static readonly ConditionalWeakTable<V1.Application, V1.Application> WithoutContact = new();

    /// <summary>
    /// The application as <paramref name="caller"/> may see it. The contact is personal data, for the municipality itself,
    /// the two ministries, admin and the platform's services (Notifications mails it); LaKI coordinates without it.
    /// </summary>
    public static V1.Application ShownTo(this V1.Application application, Caller caller) =>
        caller.IsInRole(Roles.Laki)
            ? WithoutContact.GetValue(application, shared =>
            {
                var shown = shared.Clone();
                shown.Contact = null;
                return shown;
            })
            : application;

    public static V1.Application ToContract(this Application application)
    {
        var content = application.Content;
        var contract = new V1.Application
        {
            Name = application.ResourceName,
            Municipality = MunicipalityName.Format(application.Ags),
            FundingPeriod = FundingPeriodName.Format(application.PeriodId),
            State = application.Status.ToContract(),
            CouncilResolutionDate = content.CouncilResolutionDate?.ToContract(),
            IntegrationConcept = new V1.IntegrationConcept
            {
                AdoptedDate = content.ConceptAdoptedOn?.ToContract(),
                PlannedDate = content.ConceptPlannedFor?.ToContract(),
                Plan = content.ConceptPlan ?? "",
            },
            OrganisationalPlacement = content.OrganisationalPlacement ?? "",
            Priorities = new V1.StatutoryPriorities
            {
                Education = content.EducationPriority ?? "",
                CrossCuttingIntegration = content.CrossCuttingPriority ?? "",
            },
            Contact = new V1.Contact { Name = content.ContactName ?? "", Email = content.ContactEmail ?? "" },
            RequestedPosts = content.RequestedPosts.ToContract(),
            MaisSignOff = application.MaisSignOff?.ToContract(),
            MswSignOff = application.MswSignOff?.ToContract(),
            ApprovedPosts = application.ApprovedPosts?.ToContract(),
            RejectionReason = application.RejectionReason ?? "",
            DocumentsRequest = application.DocumentsRequest ?? "",
            Documents = { application.Documents.OrderBy(d => d.Position).Select(ToContract) },
            CreateTime = Timestamp.FromDateTimeOffset(application.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(application.UpdatedAt),
            SubmitTime = application.SubmittedAt is { } submitted ? Timestamp.FromDateTimeOffset(submitted) : null,
            CloseTime = application.ClosedAt is { } closed ? Timestamp.FromDateTimeOffset(closed) : null,
            Etag = ETags.Format(application.Version),
        };
        return contract;
    }

    /// <summary>The editable fields of a contract message as content; unset and empty fields are missing.</summary>
    public static ApplicationContent ToContent(this V1.Application application) => new()
    {
        CouncilResolutionDate = application.CouncilResolutionDate.ToDateOnly(),
        ConceptAdoptedOn = application.IntegrationConcept?.AdoptedDate.ToDateOnly(),
        ConceptPlannedFor = application.IntegrationConcept?.PlannedDate.ToDateOnly(),
        ConceptPlan = NullIfEmpty(application.IntegrationConcept?.Plan),
        OrganisationalPlacement = NullIfEmpty(application.OrganisationalPlacement),
        EducationPriority = NullIfEmpty(application.Priorities?.Education),
        CrossCuttingPriority = NullIfEmpty(application.Priorities?.CrossCuttingIntegration),
        ContactName = NullIfEmpty(application.Contact?.Name),
        ContactEmail = NullIfEmpty(application.Contact?.Email),
        RequestedPosts = application.RequestedPosts?.ToFteByCategory() ?? FteByCategory.None,
    };

    public static V1.ApplicationEvent ToContract(this ApplicationStep step) => new()
    {
        Application = ApplicationName.Format(step.ApplicationId),
        Municipality = MunicipalityName.Format(step.Ags),
        Sequence = step.Sequence,
        Action = step.Action switch
        {
            StepAction.Created => V1.ApplicationAction.Created,
            StepAction.Submitted => V1.ApplicationAction.Submitted,
            StepAction.Withdrawn => V1.ApplicationAction.Withdrawn,
            StepAction.FormalReviewStarted => V1.ApplicationAction.FormalReviewStarted,
            StepAction.DocumentsRequested => V1.ApplicationAction.DocumentsRequested,
            StepAction.DocumentsProvided => V1.ApplicationAction.DocumentsProvided,
            StepAction.ContentReviewStarted => V1.ApplicationAction.ContentReviewStarted,
            StepAction.SignedOffByMais => V1.ApplicationAction.SignedOffByMais,
            StepAction.SignedOffByMsw => V1.ApplicationAction.SignedOffByMsw,
            StepAction.Rejected => V1.ApplicationAction.Rejected,
            _ => V1.ApplicationAction.Unspecified,
        },
        FromState = step.FromStatus.ToContract(),
        ToState = step.ToStatus.ToContract(),
        Actor = step.Actor,
        ActorRole = step.ActorRole,
        EventTime = Timestamp.FromDateTimeOffset(step.At),
        Reason = step.Reason ?? "",
    };

    public static V1.ApplicationState ToContract(this ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => V1.ApplicationState.Draft,
        ApplicationStatus.Submitted => V1.ApplicationState.Submitted,
        ApplicationStatus.FormalReview => V1.ApplicationState.FormalReview,
        ApplicationStatus.DocumentsRequested => V1.ApplicationState.DocumentsRequested,
        ApplicationStatus.ContentReview => V1.ApplicationState.ContentReview,
        ApplicationStatus.Approved => V1.ApplicationState.Approved,
        ApplicationStatus.Rejected => V1.ApplicationState.Rejected,
        ApplicationStatus.Withdrawn => V1.ApplicationState.Withdrawn,
        _ => V1.ApplicationState.Unspecified,
    };

    public static ApplicationStatus? ToDomain(this V1.ApplicationState state) => state switch
    {
        V1.ApplicationState.Draft => ApplicationStatus.Draft,
        V1.ApplicationState.Submitted => ApplicationStatus.Submitted,
        V1.ApplicationState.FormalReview => ApplicationStatus.FormalReview,
        V1.ApplicationState.DocumentsRequested => ApplicationStatus.DocumentsRequested,
        V1.ApplicationState.ContentReview => ApplicationStatus.ContentReview,
        V1.ApplicationState.Approved => ApplicationStatus.Approved,
        V1.ApplicationState.Rejected => ApplicationStatus.Rejected,
        V1.ApplicationState.Withdrawn => ApplicationStatus.Withdrawn,
        _ => null,
    };

    public static DocumentMetadata ToDomain(this V1.Document document) => new(
        document.Title,
        document.Type switch
        {
            V1.DocumentType.CouncilResolution => DocumentType.CouncilResolution,
            V1.DocumentType.IntegrationConcept => DocumentType.IntegrationConcept,
            V1.DocumentType.OrganisationChart => DocumentType.OrganisationChart,
            V1.DocumentType.StaffingPlan => DocumentType.StaffingPlan,
            _ => DocumentType.Other,
        },
        document.DocumentDate.ToDateOnly() ?? default,
        document.Sha256,
        document.SizeBytes);

    public static FteByCategory ToFteByCategory(this V1.Posts posts) =>
        new((decimal)posts.TeacherFte, (decimal)posts.SpecialistFte, (decimal)posts.AdministrativeFte, (decimal)posts.SupportFte);

    private static V1.Posts ToContract(this FteByCategory posts) => new()
    {
        TeacherFte = (double)posts.Teacher,
        SpecialistFte = (double)posts.Specialist,
        AdministrativeFte = (double)posts.Administrative,
        SupportFte = (double)posts.Support,
    };

    private static V1.SignOff ToContract(this SignOff signOff) => new()
    {
        SignedBy = signOff.By,
        SignTime = Timestamp.FromDateTimeOffset(signOff.At),
        ApprovedPosts = signOff.Approved.ToContract(),
    };

    private static V1.Document ToContract(ApplicationDocument document) => new()
    {
        Title = document.Title,
        Type = document.Type switch
        {
            DocumentType.CouncilResolution => V1.DocumentType.CouncilResolution,
            DocumentType.IntegrationConcept => V1.DocumentType.IntegrationConcept,
            DocumentType.OrganisationChart => V1.DocumentType.OrganisationChart,
            DocumentType.StaffingPlan => V1.DocumentType.StaffingPlan,
            _ => V1.DocumentType.Other,
        },
        DocumentDate = document.DocumentDate.ToContract(),
        Sha256 = document.Sha256,
        SizeBytes = document.SizeBytes,
        AttachTime = Timestamp.FromDateTimeOffset(document.AttachedAt),
    };

    /// <summary>Proto strings are never null; an empty or blank one means the field is not given.</summary>
    public static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
