using KiPlatform.Domain;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>
/// An application (Antrag) of one municipality for one funding period to set up or continue its Kommunales
/// Integrationszentrum. Draft -> Submitted -> FormalReview &lt;-> DocumentsRequested -> ContentReview -> Approved or
/// Rejected; Withdrawn by the municipality before a decision. Approval takes two sign-offs, MAIS for the posts it funds
/// and MSW for the teacher posts; the second one approves. Every step is recorded in <see cref="Steps"/>.
/// </summary>
public sealed class Application
{
    public const string TransitionNotAllowedReason = "STATE_TRANSITION_NOT_ALLOWED";
    public const string IncompleteReason = "APPLICATION_INCOMPLETE";
    public const string ResolutionInFutureReason = "RESOLUTION_DATE_IN_FUTURE";
    public const string AlreadySignedOffReason = "ALREADY_SIGNED_OFF";
    public const string PostCapExceededReason = "POST_CAP_EXCEEDED";
    public const string ApprovalExceedsRequestReason = "APPROVAL_EXCEEDS_REQUEST";
    public const string FteNotInHalfStepsReason = "FTE_NOT_IN_HALF_STEPS";

    private static readonly ApplicationStatus[] Undecided =
    [
        ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.FormalReview,
        ApplicationStatus.DocumentsRequested, ApplicationStatus.ContentReview,
    ];

    private static readonly ApplicationStatus[] UnderReview =
    [
        ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.DocumentsRequested, ApplicationStatus.ContentReview,
    ];

    private Application()
    {
    }

    public Guid Id { get; private init; }
    public string Ags { get; private init; } = "";
    public string PeriodId { get; private init; } = "";
    public ApplicationStatus Status { get; private set; }
    public ApplicationContent Content { get; private set; } = new();

    public SignOff? MaisSignOff { get; private set; }
    public SignOff? MswSignOff { get; private set; }

    /// <summary>Why the reviewers asked for documents, from the last request.</summary>
    public string? DocumentsRequest { get; private set; }

    public string? RejectionReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>When it was approved, rejected or withdrawn.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>How many steps are recorded; the next step's sequence follows it.</summary>
    public int StepCount { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): the etag, and the guard against lost updates.</summary>
    public uint Version { get; private init; }

    private readonly List<ApplicationDocument> _documents = [];
    private readonly List<ApplicationStep> _steps = [];

    /// <summary>The documents attached; loaded when the application is read whole.</summary>
    public IReadOnlyCollection<ApplicationDocument> Documents => _documents;

    /// <summary>Steps recorded by this unit of work (earlier ones are not loaded with the application).</summary>
    public IReadOnlyCollection<ApplicationStep> Steps => _steps;

    public string ResourceName => ApplicationName.Format(Id);

    /// <summary>The posts approved: both parts once approved, otherwise null.</summary>
    public FteByCategory? ApprovedPosts => Status == ApplicationStatus.Approved && MaisSignOff is { } mais && MswSignOff is { } msw
        ? new FteByCategory(msw.Approved.Teacher, mais.Approved.Specialist, mais.Approved.Administrative, mais.Approved.Support)
        : null;

    public static Application Create(Guid id, string ags, string periodId, ApplicationContent content, FteByCategory caps, Actor actor, DateTimeOffset now)
    {
        EnsureWithin(content.RequestedPosts, caps);
        var application = new Application
        {
            Id = id,
            Ags = ags,
            PeriodId = periodId,
            Status = ApplicationStatus.Draft,
            Content = content,
            CreatedAt = now,
            UpdatedAt = now,
        };
        application.Record(StepAction.Created, ApplicationStatus.Draft, actor, now, reason: null);
        return application;
    }

    /// <summary>Replaces the content of a draft; the caller merged the fields it changes into the current content.</summary>
    public void Edit(ApplicationContent content, FteByCategory caps, DateTimeOffset now)
    {
        EnsureIn("edit", ApplicationStatus.Draft);
        EnsureWithin(content.RequestedPosts, caps);
        Content = content;
        UpdatedAt = now;
    }

    public ApplicationStep Submit(Actor actor, DateTimeOffset now)
    {
        EnsureIn("submit", ApplicationStatus.Draft);
        var missing = MissingForSubmission().ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException(missing,
                $"The application cannot be submitted yet; missing: {string.Join(", ", missing.Select(m => m.Subject))}.", IncompleteReason);
        }

        if (Content.CouncilResolutionDate > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new RuleViolationException("COMPLETENESS", "council_resolution_date",
                $"The council resolution is dated {Content.CouncilResolutionDate:yyyy-MM-dd}; submit once the council has resolved.", ResolutionInFutureReason);
        }

        SubmittedAt = now;
        return Record(StepAction.Submitted, ApplicationStatus.Submitted, actor, now, reason: null);
    }

    public ApplicationStep Withdraw(Actor actor, string? reason, DateTimeOffset now)
    {
        EnsureIn("withdraw", Undecided);
        ClosedAt = now;
        return Record(StepAction.Withdrawn, ApplicationStatus.Withdrawn, actor, now, reason);
    }

    public ApplicationStep StartFormalReview(Actor actor, DateTimeOffset now)
    {
        EnsureIn("start the formal review of", ApplicationStatus.Submitted);
        return Record(StepAction.FormalReviewStarted, ApplicationStatus.FormalReview, actor, now, reason: null);
    }

    public ApplicationStep RequestDocuments(Actor actor, string reason, DateTimeOffset now)
    {
        EnsureIn("request documents for", ApplicationStatus.FormalReview);
        DocumentsRequest = reason;
        return Record(StepAction.DocumentsRequested, ApplicationStatus.DocumentsRequested, actor, now, reason);
    }

    /// <summary>Attaches documents; while documents are requested, this also returns the application to the formal review.</summary>
    public ApplicationStep ProvideDocuments(IReadOnlyList<DocumentMetadata> documents, Actor actor, DateTimeOffset now)
    {
        EnsureIn("provide documents for", ApplicationStatus.Draft, ApplicationStatus.DocumentsRequested);
        var position = Documents.Count;
        foreach (var document in documents)
        {
            _documents.Add(new ApplicationDocument
            {
                ApplicationId = Id,
                Position = ++position,
                Title = document.Title,
                Type = document.Type,
                DocumentDate = document.DocumentDate,
                Sha256 = document.Sha256,
                SizeBytes = document.SizeBytes,
                AttachedAt = now,
                AttachedBy = actor.Subject,
            });
        }

        var next = Status == ApplicationStatus.DocumentsRequested ? ApplicationStatus.FormalReview : Status;
        return Record(StepAction.DocumentsProvided, next, actor, now, reason: null);
    }

    public ApplicationStep StartContentReview(Actor actor, DateTimeOffset now)
    {
        EnsureIn("start the content review of", ApplicationStatus.FormalReview);
        return Record(StepAction.ContentReviewStarted, ApplicationStatus.ContentReview, actor, now, reason: null);
    }

    /// <summary>MAIS approves the posts it funds, each at most as requested; the second of the two sign-offs approves.</summary>
    public ApplicationStep SignOffMais(decimal specialist, decimal administrative, decimal support, Actor actor, string? reason, DateTimeOffset now)
    {
        EnsureIn("sign off", ApplicationStatus.ContentReview);
        if (MaisSignOff is not null)
        {
            throw AlreadySignedOff("MAIS", MaisSignOff);
        }

        var approved = new FteByCategory(0, specialist, administrative, support);
        EnsureApprovable(approved, "mais");
        MaisSignOff = new SignOff { By = actor.Subject, At = now, Approved = approved };
        return RecordSignOff(StepAction.SignedOffByMais, actor, reason, now);
    }

    /// <summary>MSW approves the teacher posts, at most as requested; the second of the two sign-offs approves.</summary>
    public ApplicationStep SignOffMsw(decimal teacher, Actor actor, string? reason, DateTimeOffset now)
    {
        EnsureIn("sign off", ApplicationStatus.ContentReview);
        if (MswSignOff is not null)
        {
            throw AlreadySignedOff("MSW", MswSignOff);
        }

        var approved = new FteByCategory(teacher, 0, 0, 0);
        EnsureApprovable(approved, "msw");
        MswSignOff = new SignOff { By = actor.Subject, At = now, Approved = approved };
        return RecordSignOff(StepAction.SignedOffByMsw, actor, reason, now);
    }

    public ApplicationStep Reject(Actor actor, string reason, DateTimeOffset now)
    {
        EnsureIn("reject", UnderReview);
        RejectionReason = reason;
        ClosedAt = now;
        return Record(StepAction.Rejected, ApplicationStatus.Rejected, actor, now, reason);
    }

    /// <summary>The required fields still missing, each named by its contract path.</summary>
    public IEnumerable<RuleViolation> MissingForSubmission()
    {
        var content = Content;
        if (content.CouncilResolutionDate is null)
        {
            yield return Missing("council_resolution_date", "the date of the council resolution");
        }

        if (content.ConceptAdoptedOn is null && (content.ConceptPlannedFor is null || string.IsNullOrWhiteSpace(content.ConceptPlan)))
        {
            yield return Missing("integration_concept", "the adoption date of the Integrationskonzept, or its planned date with a plan");
        }

        if (string.IsNullOrWhiteSpace(content.OrganisationalPlacement))
        {
            yield return Missing("organisational_placement", "where the KI sits in the administration");
        }

        if (string.IsNullOrWhiteSpace(content.EducationPriority))
        {
            yield return Missing("priorities.education", "the priorities for education along the education chain");
        }

        if (string.IsNullOrWhiteSpace(content.CrossCuttingPriority))
        {
            yield return Missing("priorities.cross_cutting_integration", "the priorities for integration across the administration");
        }

        if (string.IsNullOrWhiteSpace(content.ContactName))
        {
            yield return Missing("contact.name", "the contact's name");
        }

        if (string.IsNullOrWhiteSpace(content.ContactEmail))
        {
            yield return Missing("contact.email", "the contact's e-mail address");
        }

        if (content.RequestedPosts.IsEmpty)
        {
            yield return Missing("requested_posts", "at least one requested post");
        }
    }

    private static RuleViolation Missing(string field, string what) => new("COMPLETENESS", field, $"Required to submit: {what}.");

    private static void EnsureWithin(FteByCategory requested, FteByCategory caps)
    {
        foreach (var ((field, fte), (_, cap)) in requested.ByField().Zip(caps.ByField()))
        {
            EnsureHalfStep($"application.requested_posts.{field}", fte);
            if (fte > cap)
            {
                throw new FieldViolationException($"application.requested_posts.{field}",
                    $"{fte} FTE requested; the period allows at most {cap}.", PostCapExceededReason);
            }
        }
    }

    private void EnsureApprovable(FteByCategory approved, string part)
    {
        foreach (var ((field, fte), (_, requested)) in approved.ByField().Zip(Content.RequestedPosts.ByField()))
        {
            EnsureHalfStep($"{part}.{field}", fte);
            if (fte > requested)
            {
                throw new FieldViolationException($"{part}.{field}",
                    $"{fte} FTE approved but only {requested} requested; a sign-off may reduce the posts, never raise them.", ApprovalExceedsRequestReason);
            }
        }
    }

    private static void EnsureHalfStep(string field, decimal fte)
    {
        if (!FteByCategory.IsHalfStep(fte))
        {
            throw new FieldViolationException(field, $"{fte} is not a multiple of 0.5 FTE at or above zero.", FteNotInHalfStepsReason);
        }
    }

    private ApplicationStep RecordSignOff(StepAction action, Actor actor, string? reason, DateTimeOffset now)
    {
        var bothSigned = MaisSignOff is not null && MswSignOff is not null;
        if (bothSigned)
        {
            ClosedAt = now;
        }

        return Record(action, bothSigned ? ApplicationStatus.Approved : Status, actor, now, reason);
    }

    private RuleViolationException AlreadySignedOff(string ministry, SignOff signOff) =>
        new("STATE", ResourceName, $"{ministry} signed off this application on {signOff.At:yyyy-MM-dd}; a sign-off is given once.", AlreadySignedOffReason);

    private void EnsureIn(string what, params ApplicationStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolationException("STATE", ResourceName,
                $"Cannot {what} an application that is {Status}; allowed only when {string.Join(" or ", allowed)}.", TransitionNotAllowedReason);
        }
    }

    private ApplicationStep Record(StepAction action, ApplicationStatus next, Actor actor, DateTimeOffset now, string? reason)
    {
        var step = new ApplicationStep
        {
            ApplicationId = Id,
            Sequence = ++StepCount,
            Ags = Ags,
            Action = action,
            FromStatus = action == StepAction.Created ? next : Status,
            ToStatus = next,
            Actor = actor.Subject,
            ActorRole = actor.Role,
            At = now,
            Reason = reason,
        };
        Status = next;
        UpdatedAt = now;
        _steps.Add(step);
        return step;
    }
}

/// <summary>One ministry's sign-off: who, when, and the posts of its part as approved.</summary>
public sealed record SignOff
{
    public required string By { get; init; }
    public required DateTimeOffset At { get; init; }
    public required FteByCategory Approved { get; init; }
}
