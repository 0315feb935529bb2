using KiPlatform.Applications.Lifecycle;
using KiPlatform.Domain;
using KiPlatform.Rpc.Errors;

namespace KiPlatform.Services.Tests.Applications;

public sealed class ApplicationLifecycleTests
{
    /// <summary>The caps the Land set for the first periods: 2.0 teachers, 2.0 specialists, 1.0 administrative, 0.5 support.</summary>
    private static readonly FteByCategory Caps = new(2.0m, 2.0m, 1.0m, 0.5m);
    private static readonly DateTimeOffset Now = new(2013, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Soest = new("soest-user", "municipality");
    private static readonly Actor Mais = new("mais-user", "mais");
    private static readonly Actor Msw = new("msw-user", "msw");
    private static readonly DocumentMetadata Resolution =
        new("Kreistagsbeschluss", DocumentType.CouncilResolution, new DateOnly(2013, 1, 15), new string('a', 64), 1024);

    internal static ApplicationContent Complete => new()
    {
        CouncilResolutionDate = new DateOnly(2013, 1, 15),
        ConceptAdoptedOn = new DateOnly(2012, 11, 20),
        OrganisationalPlacement = "Dezernat III",
        EducationPriority = "Übergang Schule–Beruf",
        CrossCuttingPriority = "Interkulturelle Öffnung der Verwaltung",
        ContactName = "Anna Beispiel",
        ContactEmail = "ki@kreis-soest.de",
        RequestedPosts = new FteByCategory(2.0m, 2.0m, 1.0m, 0.5m),
    };

    [Fact]
    public void Walks_the_whole_lifecycle_to_approval_recording_every_step()
    {
        var application = Draft();
        application.Submit(Soest, Now);
        application.StartFormalReview(Mais, Now);
        application.RequestDocuments(Mais, "Beschluss fehlt", Now);
        application.ProvideDocuments([Resolution], Soest, Now);
        Assert.Equal(ApplicationStatus.FormalReview, application.Status);
        application.StartContentReview(Msw, Now);
        application.SignOffMais(2.0m, 1.0m, 0.5m, Mais, null, Now);
        Assert.Equal(ApplicationStatus.ContentReview, application.Status);
        var approval = application.SignOffMsw(1.5m, Msw, "Eine halbe Stelle weniger", Now.AddDays(30));

        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(ApplicationStatus.ContentReview, approval.FromStatus);
        Assert.Equal(new FteByCategory(1.5m, 2.0m, 1.0m, 0.5m), application.ApprovedPosts);
        Assert.Equal(Now.AddDays(30), application.ClosedAt);
        Assert.Equal(
            [StepAction.Created, StepAction.Submitted, StepAction.FormalReviewStarted, StepAction.DocumentsRequested, StepAction.DocumentsProvided,
             StepAction.ContentReviewStarted, StepAction.SignedOffByMais, StepAction.SignedOffByMsw],
            application.Steps.Select(s => s.Action));
        Assert.Equal(Enumerable.Range(1, 8), application.Steps.Select(s => s.Sequence));
        Assert.Equal("msw-user", approval.Actor);
        Assert.Equal("Eine halbe Stelle weniger", approval.Reason);
    }

    [Fact]
    public void Either_ministry_may_sign_off_first()
    {
        var application = InState(ApplicationStatus.ContentReview);
        application.SignOffMsw(2.0m, Msw, null, Now);
        Assert.Equal(ApplicationStatus.ContentReview, application.Status);
        Assert.Null(application.ApprovedPosts);

        application.SignOffMais(1.0m, 1.0m, 0.5m, Mais, null, Now);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
    }

    [Fact]
    public void A_ministry_signs_off_once()
    {
        var application = InState(ApplicationStatus.ContentReview);
        application.SignOffMais(2.0m, 1.0m, 0.5m, Mais, null, Now);

        var refused = Assert.Throws<RuleViolationException>(() => application.SignOffMais(1.0m, 1.0m, 0.5m, Mais, null, Now));
        Assert.Equal(Application.AlreadySignedOffReason, refused.Reason);
    }

    [Theory]
    [InlineData(2.5, 0, 0, "mais.specialist_fte")]
    [InlineData(0, 1.5, 0, "mais.administrative_fte")]
    [InlineData(0, 0, 1.0, "mais.support_fte")]
    public void A_sign_off_may_reduce_but_never_raise_the_posts(double specialist, double administrative, double support, string field)
    {
        var application = InState(ApplicationStatus.ContentReview);

        var refused = Assert.Throws<FieldViolationException>(() =>
            application.SignOffMais((decimal)specialist, (decimal)administrative, (decimal)support, Mais, null, Now));
        Assert.Equal(Application.ApprovalExceedsRequestReason, refused.Reason);
        Assert.Equal(field, refused.Field);
        Assert.Null(application.MaisSignOff);
    }

    [Fact]
    public void Msw_cannot_approve_more_teachers_than_requested_nor_a_fraction_off_the_half_steps()
    {
        var application = InState(ApplicationStatus.ContentReview);

        Assert.Equal(Application.ApprovalExceedsRequestReason, Assert.Throws<FieldViolationException>(() => application.SignOffMsw(2.5m, Msw, null, Now)).Reason);
        Assert.Equal(Application.FteNotInHalfStepsReason, Assert.Throws<FieldViolationException>(() => application.SignOffMsw(0.7m, Msw, null, Now)).Reason);
    }

    [Fact]
    public void Submission_names_every_missing_field()
    {
        var application = Application.Create(Guid.CreateVersion7(), "05974", "2013", new ApplicationContent(), Caps, Soest, Now);

        var refused = Assert.Throws<RuleViolationException>(() => application.Submit(Soest, Now));

        Assert.Equal(Application.IncompleteReason, refused.Reason);
        Assert.Equal(
            ["council_resolution_date", "integration_concept", "organisational_placement", "priorities.education",
             "priorities.cross_cutting_integration", "contact.name", "contact.email", "requested_posts"],
            refused.Violations.Select(v => v.Subject));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void A_planned_concept_counts_only_with_its_plan()
    {
        var withoutPlan = Complete with { ConceptAdoptedOn = null, ConceptPlannedFor = new DateOnly(2013, 6, 30) };
        var application = Application.Create(Guid.CreateVersion7(), "05974", "2013", withoutPlan, Caps, Soest, Now);
        Assert.Equal("integration_concept", Assert.Single(application.MissingForSubmission()).Subject);

        application.Edit(withoutPlan with { ConceptPlan = "Arbeitsgruppe mit den Schulämtern" }, Caps, Now);
        Assert.Empty(application.MissingForSubmission());
    }

    [Fact]
    public void Submission_waits_for_the_council_resolution()
    {
        var application = Application.Create(Guid.CreateVersion7(), "05974", "2013",
            Complete with { CouncilResolutionDate = new DateOnly(2013, 3, 2) }, Caps, Soest, Now);

        var refused = Assert.Throws<RuleViolationException>(() => application.Submit(Soest, Now));
        Assert.Equal(Application.ResolutionInFutureReason, refused.Reason);

        application.Submit(Soest, Now.AddDays(1));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Theory]
    [InlineData(2.5, 0, 0, 0, "application.requested_posts.teacher_fte")]
    [InlineData(0, 2.5, 0, 0, "application.requested_posts.specialist_fte")]
    [InlineData(0, 0, 1.5, 0, "application.requested_posts.administrative_fte")]
    [InlineData(0, 0, 0, 1.0, "application.requested_posts.support_fte")]
    public void Requests_stay_within_the_period_caps(double teacher, double specialist, double administrative, double support, string field)
    {
        var over = Complete with { RequestedPosts = new FteByCategory((decimal)teacher, (decimal)specialist, (decimal)administrative, (decimal)support) };

        var refused = Assert.Throws<FieldViolationException>(() =>
            Application.Create(Guid.CreateVersion7(), "05974", "2013", over, Caps, Soest, Now));
        Assert.Equal(Application.PostCapExceededReason, refused.Reason);
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Caps_are_the_periods_not_constants()
    {
        var generous = new FteByCategory(3.0m, 3.0m, 2.0m, 1.0m);
        var application = Application.Create(Guid.CreateVersion7(), "05974", "2014",
            Complete with { RequestedPosts = generous }, generous, Soest, Now);

        Assert.Equal(generous, application.Content.RequestedPosts);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.5)]
    public void Requests_come_in_half_posts(double fte)
    {
        var odd = Complete with { RequestedPosts = Complete.RequestedPosts with { Specialist = (decimal)fte } };

        var refused = Assert.Throws<FieldViolationException>(() =>
            Application.Create(Guid.CreateVersion7(), "05974", "2013", odd, Caps, Soest, Now));
        Assert.Equal(Application.FteNotInHalfStepsReason, refused.Reason);
    }

    public static TheoryData<string, ApplicationStatus> ForbiddenTransitions()
    {
        var allowed = new Dictionary<string, ApplicationStatus[]>
        {
            ["edit"] = [ApplicationStatus.Draft],
            ["submit"] = [ApplicationStatus.Draft],
            ["withdraw"] = [ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.DocumentsRequested, ApplicationStatus.ContentReview],
            ["startFormalReview"] = [ApplicationStatus.Submitted],
            ["requestDocuments"] = [ApplicationStatus.FormalReview],
            ["provideDocuments"] = [ApplicationStatus.Draft, ApplicationStatus.DocumentsRequested],
            ["startContentReview"] = [ApplicationStatus.FormalReview],
            ["signOffMais"] = [ApplicationStatus.ContentReview],
            ["signOffMsw"] = [ApplicationStatus.ContentReview],
            ["reject"] = [ApplicationStatus.Submitted, ApplicationStatus.FormalReview, ApplicationStatus.DocumentsRequested, ApplicationStatus.ContentReview],
        };
        var data = new TheoryData<string, ApplicationStatus>();
        foreach (var (command, from) in allowed)
        {
            foreach (var status in Enum.GetValues<ApplicationStatus>().Except(from))
            {
                data.Add(command, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public void Refuses_every_command_outside_the_states_it_applies_to(string command, ApplicationStatus status)
    {
        var application = InState(status);
        var steps = application.StepCount;

        var refused = Assert.Throws<RuleViolationException>(() => Run(command, application));

        Assert.Equal(Application.TransitionNotAllowedReason, refused.Reason);
        Assert.Equal(status, application.Status);
        Assert.Equal(steps, application.StepCount);
    }

    [Theory]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Nothing_leaves_a_final_state(ApplicationStatus final)
    {
        Assert.True(final.IsFinal());
        foreach (var command in new[] { "edit", "submit", "withdraw", "startFormalReview", "requestDocuments", "provideDocuments", "startContentReview", "signOffMais", "signOffMsw", "reject" })
        {
            Assert.Throws<RuleViolationException>(() => Run(command, InState(final)));
        }
    }

    [Fact]
    public void Rejection_and_withdrawal_close_the_application_with_their_reason()
    {
        var rejected = InState(ApplicationStatus.FormalReview);
        rejected.Reject(Mais, "Kein Ratsbeschluss", Now);
        Assert.Equal("Kein Ratsbeschluss", rejected.RejectionReason);
        Assert.Equal(Now, rejected.ClosedAt);

        var withdrawn = InState(ApplicationStatus.Submitted);
        var step = withdrawn.Withdraw(Soest, "Neuer Beschluss folgt", Now);
        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("Neuer Beschluss folgt", step.Reason);
    }

    [Fact]
    public void Only_rejected_and_withdrawn_applications_make_room_for_another()
    {
        Assert.Equal(
            [ApplicationStatus.Rejected, ApplicationStatus.Withdrawn],
            Enum.GetValues<ApplicationStatus>().Where(s => !s.BlocksAnother()));
    }

    private static Application Draft() =>
        Application.Create(Guid.CreateVersion7(), "05974", "2013", Complete, Caps, Soest, Now);

    internal static Application InState(ApplicationStatus status)
    {
        var application = Draft();
        switch (status)
        {
            case ApplicationStatus.Draft:
                return application;
            case ApplicationStatus.Withdrawn:
                application.Withdraw(Soest, null, Now);
                return application;
        }

        application.Submit(Soest, Now);
        if (status == ApplicationStatus.Submitted)
        {
            return application;
        }

        if (status == ApplicationStatus.Rejected)
        {
            application.Reject(Mais, "Unvollständig", Now);
            return application;
        }

        application.StartFormalReview(Mais, Now);
        if (status == ApplicationStatus.FormalReview)
        {
            return application;
        }

        if (status == ApplicationStatus.DocumentsRequested)
        {
            application.RequestDocuments(Mais, "Konzept fehlt", Now);
            return application;
        }

        application.StartContentReview(Mais, Now);
        if (status == ApplicationStatus.Approved)
        {
            application.SignOffMais(2.0m, 1.0m, 0.5m, Mais, null, Now);
            application.SignOffMsw(2.0m, Msw, null, Now);
        }

        return application;
    }

    private static void Run(string command, Application application)
    {
        switch (command)
        {
            case "edit": application.Edit(Complete, Caps, Now); break;
            case "submit": application.Submit(Soest, Now); break;
            case "withdraw": application.Withdraw(Soest, null, Now); break;
            case "startFormalReview": application.StartFormalReview(Mais, Now); break;
            case "requestDocuments": application.RequestDocuments(Mais, "x", Now); break;
            case "provideDocuments": application.ProvideDocuments([Resolution], Soest, Now); break;
            case "startContentReview": application.StartContentReview(Mais, Now); break;
            case "signOffMais": application.SignOffMais(1.0m, 1.0m, 0.5m, Mais, null, Now); break;
            case "signOffMsw": application.SignOffMsw(1.0m, Msw, null, Now); break;
            case "reject": application.Reject(Mais, "x", Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(command), command, null);
        }
    }
}
