using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationRequests;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Applications;

/// <summary>
/// The application lifecycle over gRPC against the real service and servers. Each test starts the service on a database
/// of its own; the broker and Redis are shared, so bus assertions look only at the test's own applications.
/// </summary>
public sealed class ApplicationLifecycleTests(ServersFixture servers) : IAsyncLifetime
{
    private ApplicationsServiceHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApplicationService.ApplicationServiceClient Client => _host.Applications;

    public async ValueTask InitializeAsync() => _host = await ApplicationsServiceHost.StartAsync(servers, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Runs_the_whole_lifecycle_and_publishes_each_event_once()
    {
        const string ags = "05974"; // Kreis Soest
        await using var tap = await BusTap.StartAsync(servers.MessagingConnectionString,
            [typeof(ApplicationSubmitted), typeof(DocumentsRequested), typeof(ApplicationApproved), typeof(ApplicationRejected), typeof(ApplicationWithdrawn)]);
        var owner = Municipality(ags);

        var draft = await Client.CreateApplicationAsync(Create(ags, new Application(Complete(ags)) { Contact = null }), owner, cancellationToken: Ct);
        Assert.Equal(ApplicationState.Draft, draft.State);
        var edited = await Client.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            Application = new Application { Name = draft.Name, Etag = draft.Etag, Contact = new Contact { Name = "Anna Beispiel", Email = "ki@kreis-soest.de" } },
            UpdateMask = Mask("contact"),
            RequestId = NewId(),
        }, owner, cancellationToken: Ct);
        Assert.Equal("ki@kreis-soest.de", edited.Contact.Email);
        Assert.Equal(draft.OrganisationalPlacement, edited.OrganisationalPlacement);
        Assert.NotEqual(draft.Etag, edited.Etag);

        var submit = new SubmitApplicationRequest { Name = draft.Name, Etag = edited.Etag, RequestId = NewId() };
        var submitted = await Client.SubmitApplicationAsync(submit, owner, cancellationToken: Ct);
        Assert.Equal(submitted, await Client.SubmitApplicationAsync(submit, owner, cancellationToken: Ct)); // a retry of the same intent
        await Client.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        await Client.RequestDocumentsAsync(new RequestDocumentsRequest { Name = draft.Name, RequestId = NewId(), Reason = "Der Kreistagsbeschluss fehlt." }, Msw, cancellationToken: Ct);
        var provided = await Client.ProvideDocumentsAsync(new ProvideDocumentsRequest
        {
            Name = draft.Name,
            RequestId = NewId(),
            Documents =
            {
                new Document
                {
                    Title = "Kreistagsbeschluss vom 15.01.2013", Type = DocumentType.CouncilResolution,
                    DocumentDate = new Google.Type.Date { Year = 2013, Month = 1, Day = 15 }, Sha256 = new string('c', 64), SizeBytes = 48_213,
                },
            },
        }, owner, cancellationToken: Ct);
        Assert.Equal(ApplicationState.FormalReview, provided.State);
        Assert.Single(provided.Documents);
        await Client.StartContentReviewAsync(new StartContentReviewRequest { Name = draft.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        var halfway = await Client.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = NewId(), Mais = new MaisPart { SpecialistFte = 1.5, AdministrativeFte = 1.0, SupportFte = 0.5 },
        }, Mais, cancellationToken: Ct);
        Assert.Equal(ApplicationState.ContentReview, halfway.State);
        var approved = await Client.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = NewId(), Msw = new MswPart { TeacherFte = 2.0 },
        }, Msw, cancellationToken: Ct);

        Assert.Equal(ApplicationState.Approved, approved.State);
        Assert.Equal(new Posts { TeacherFte = 2.0, SpecialistFte = 1.5, AdministrativeFte = 1.0, SupportFte = 0.5 }, approved.ApprovedPosts);
        Assert.Equal(approved, await Client.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, owner, cancellationToken: Ct));
        var history = await Client.ListApplicationHistoryAsync(new ListApplicationHistoryRequest { Name = draft.Name }, Mais, cancellationToken: Ct);
        Assert.Equal(
            [ApplicationAction.Created, ApplicationAction.Submitted, ApplicationAction.FormalReviewStarted, ApplicationAction.DocumentsRequested,
             ApplicationAction.DocumentsProvided, ApplicationAction.ContentReviewStarted, ApplicationAction.SignedOffByMais, ApplicationAction.SignedOffByMsw],
            history.Events.Select(e => e.Action));
        Assert.Equal("Der Kreistagsbeschluss fehlt.", history.Events[3].Reason);
        Assert.Equal("msw", history.Events[7].ActorRole);
        var municipality = await _host.Municipalities.GetMunicipalityAsync(new GetMunicipalityRequest { Name = $"municipalities/{ags}" }, owner, cancellationToken: Ct);
        Assert.True(municipality.HasKi);

        // Once this service's outbox holds no unsent row, every event it raised sits in the tap; then exactly one copy per
        // transition that raises an event must be there (the repeated submit raised none).
        var tapped = new List<(string Type, System.Text.Json.JsonElement Message)>();
        await Eventually.MatchesAsync(
            async _ =>
            {
                var pending = await _host.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL");
                tapped.AddRange(await tap.DrainAsync());
                return pending;
            },
            pending => pending == 0,
            "the outbox drained onto the bus");
        tapped.AddRange(await tap.DrainAsync());
        var events = BusTap.About(tapped, draft.Name);
        Assert.Equal(["ApplicationApproved", "ApplicationSubmitted", "DocumentsRequested"], events.Select(e => e.Type).Order(StringComparer.Ordinal));
        var approval = events.Single(e => e.Type == "ApplicationApproved").Message;
        // MassTransit writes decimals as strings, keeping them exact.
        Assert.Equal("1.5", approval.GetProperty("approvedPosts").GetProperty("specialistFte").GetString());
        Assert.Equal("2013", approval.GetProperty("periodId").GetString());
    }

    [Fact]
    public async Task Rejection_and_withdrawal_publish_their_events_with_the_reason()
    {
        await using var tap = await BusTap.StartAsync(servers.MessagingConnectionString, [typeof(ApplicationRejected), typeof(ApplicationWithdrawn)]);
        var rejected = await SubmittedAsync("05962"); // Märkischer Kreis
        await Client.RejectApplicationAsync(new RejectApplicationRequest { Name = rejected.Name, RequestId = NewId(), Reason = "Kein Integrationskonzept." }, Mais, cancellationToken: Ct);
        var withdrawn = await SubmittedAsync("05958"); // Hochsauerlandkreis
        var done = await Client.WithdrawApplicationAsync(new WithdrawApplicationRequest { Name = withdrawn.Name, RequestId = NewId() }, Municipality("05958"), cancellationToken: Ct);
        Assert.Equal(ApplicationState.Withdrawn, done.State);

        var tapped = new List<(string Type, System.Text.Json.JsonElement Message)>();
        await Eventually.MatchesAsync(
            async _ =>
            {
                tapped.AddRange(await tap.DrainAsync());
                return BusTap.About(tapped, rejected.Name).Count + BusTap.About(tapped, withdrawn.Name).Count;
            },
            count => count >= 2,
            "both events on the bus");
        Assert.Equal("Kein Integrationskonzept.", Assert.Single(BusTap.About(tapped, rejected.Name), e => e.Type == "ApplicationRejected").Message.GetProperty("reason").GetString());
        var events = BusTap.About(tapped, withdrawn.Name);
        Assert.Single(events, e => e.Type == "ApplicationWithdrawn");
    }

    [Fact]
    public async Task Refuses_a_second_open_application_for_the_same_period()
    {
        const string ags = "05566"; // Kreis Steinfurt
        var first = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
        Assert.Equal("APPLICATION_ALREADY_OPEN", refused.ErrorInfo().Reason);
        Assert.Contains(first.Name, refused.Status.Detail, StringComparison.Ordinal);

        await Client.WithdrawApplicationAsync(new WithdrawApplicationRequest { Name = first.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct);
        var second = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        Assert.NotEqual(first.Name, second.Name);
    }

    public static TheoryData<string, string, string> BadContent() => new()
    {
        { "contact.email", "application.contact.email", "FIELD_MALFORMED" },
        { "requested_posts.teacher_fte", "application.requested_posts.teacher_fte", "FTE_NOT_IN_HALF_STEPS" },
        { "requested_posts.specialist_fte.cap", "application.requested_posts.specialist_fte", "POST_CAP_EXCEEDED" },
        { "integration_concept", "application.integration_concept", "CONCEPT_AMBIGUOUS" },
        { "council_resolution_date", "application.council_resolution_date", "FIELD_MALFORMED" },
        { "municipality", "application.municipality", "MALFORMED_NAME" },
        { "municipality.missing", "application.municipality", "FIELD_REQUIRED" },
        { "funding_period.missing", "application.funding_period", "FIELD_REQUIRED" },
        { "funding_period", "application.funding_period", "FUNDING_PERIOD_UNKNOWN" },
        { "request_id", "request_id", "MALFORMED_REQUEST_ID" },
    };

    [Theory]
    [MemberData(nameof(BadContent))]
    public async Task Refuses_bad_input_naming_the_field_and_creates_nothing(string change, string field, string reason)
    {
        const string ags = "05154"; // Kreis Kleve
        var request = Create(ags);
        switch (change)
        {
            case "contact.email": request.Application.Contact.Email = "not-an-address"; break;
            case "requested_posts.teacher_fte": request.Application.RequestedPosts.TeacherFte = 0.3; break;
            case "requested_posts.specialist_fte.cap": request.Application.RequestedPosts.SpecialistFte = 2.5; break;
            case "integration_concept":
                request.Application.IntegrationConcept.PlannedDate = new Google.Type.Date { Year = 2013, Month = 6, Day = 1 };
                request.Application.IntegrationConcept.Plan = "Arbeitsgruppe";
                break;
            case "council_resolution_date": request.Application.CouncilResolutionDate = new Google.Type.Date { Year = 2013, Month = 2, Day = 30 }; break;
            case "municipality": request.Application.Municipality = "municipalities/5974"; break;
            case "municipality.missing": request.Application.Municipality = ""; break;
            case "funding_period.missing": request.Application.FundingPeriod = ""; break;
            case "funding_period": request.Application.FundingPeriod = "fundingPeriods/1999"; break;
            case "request_id": request.RequestId = "again"; break;
        }

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.CreateApplicationAsync(request, Municipality(ags), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(refused.BadRequest().FieldViolations);
        Assert.Equal(field, violation.Field);
        Assert.Equal(reason, violation.Reason);
        Assert.Equal(0L, await _host.ScalarAsync<long>($"SELECT count(*) FROM applications WHERE \"Ags\" = '{ags}'"));
    }

    [Fact]
    public async Task Submission_of_an_incomplete_draft_names_what_is_missing()
    {
        const string ags = "05170"; // Kreis Wesel
        var draft = await Client.CreateApplicationAsync(Create(ags, new Application { Municipality = $"municipalities/{ags}", FundingPeriod = "fundingPeriods/2013" }), Municipality(ags), cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("APPLICATION_INCOMPLETE", refused.ErrorInfo().Reason);
        Assert.Contains("contact.email", refused.Detail<Google.Rpc.PreconditionFailure>().Violations.Select(v => v.Subject));
    }

    [Fact]
    public async Task One_municipality_cannot_create_read_edit_withdraw_list_or_watch_another_s()
    {
        const string ags = "05162"; // Rhein-Kreis Neuss
        var draft = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        var stranger = Municipality("05111");

        var calls = new Func<Task>[]
        {
            () => Client.CreateApplicationAsync(Create(ags), stranger, cancellationToken: Ct).ResponseAsync,
            () => Client.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, stranger, cancellationToken: Ct).ResponseAsync,
            () => Client.ListApplicationHistoryAsync(new ListApplicationHistoryRequest { Name = draft.Name }, stranger, cancellationToken: Ct).ResponseAsync,
            () => Client.UpdateApplicationAsync(new UpdateApplicationRequest { Application = new Application { Name = draft.Name }, UpdateMask = Mask("contact"), RequestId = NewId() }, stranger, cancellationToken: Ct).ResponseAsync,
            () => Client.WithdrawApplicationAsync(new WithdrawApplicationRequest { Name = draft.Name, RequestId = NewId() }, stranger, cancellationToken: Ct).ResponseAsync,
            () => Client.ListApplicationsAsync(new ListApplicationsRequest { Municipality = $"municipalities/{ags}" }, stranger, cancellationToken: Ct).ResponseAsync,
            async () =>
            {
                using var watch = Client.WatchApplications(new WatchApplicationsRequest { Application = draft.Name }, stranger, cancellationToken: Ct);
                await watch.ResponseStream.MoveNext(TestContext.Current.CancellationToken);
            },
        };
        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
            Assert.Equal("OTHER_MUNICIPALITY", refused.ErrorInfo().Reason);
        }

        var own = await Client.ListApplicationsAsync(new ListApplicationsRequest(), stranger, cancellationToken: Ct);
        Assert.DoesNotContain(own.Applications, a => a.Name == draft.Name);
        Assert.Equal(ApplicationState.Draft, (await Client.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, Municipality(ags), cancellationToken: Ct)).State);
    }

    [Fact]
    public async Task Reviewers_may_not_edit_and_municipalities_may_not_review()
    {
        const string ags = "05158"; // Kreis Mettmann
        var submitted = await SubmittedAsync(ags);

        var edit = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateApplicationAsync(
            new UpdateApplicationRequest { Application = new Application { Name = submitted.Name }, RequestId = NewId() }, Mais, cancellationToken: Ct).ResponseAsync);
        var review = await Assert.ThrowsAsync<RpcException>(() => Client.StartFormalReviewAsync(
            new StartFormalReviewRequest { Name = submitted.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct).ResponseAsync);

        Assert.Equal("ROLE_NOT_ALLOWED", edit.ErrorInfo().Reason);
        Assert.Equal("ROLE_NOT_ALLOWED", review.ErrorInfo().Reason);
    }

    [Fact]
    public async Task A_repeated_request_id_does_the_work_once()
    {
        const string ags = "05370"; // Kreis Heinsberg
        var submitted = await SubmittedAsync(ags);
        var request = new RequestDocumentsRequest { Name = submitted.Name, RequestId = NewId(), Reason = "Konzept fehlt" };
        await Client.StartFormalReviewAsync(new StartFormalReviewRequest { Name = submitted.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);

        var first = await Client.RequestDocumentsAsync(request, Mais, cancellationToken: Ct);
        var again = await Client.RequestDocumentsAsync(request, Mais, cancellationToken: Ct);

        Assert.Equal(first, again);
        Assert.Equal(1L, await _host.ScalarAsync<long>(
            $"SELECT count(*) FROM application_steps WHERE \"ApplicationId\" = '{submitted.Name["applications/".Length..]}' AND \"Action\" = 'DocumentsRequested'"));
        Assert.Equal(1L, await _host.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%DocumentsRequested%' AND body::text LIKE '%{submitted.Name["applications/".Length..]}%'"));
    }

    [Fact]
    public async Task A_replayed_command_leaves_no_older_version_in_the_cache()
    {
        const string ags = "05954"; // Ennepe-Ruhr-Kreis
        var draft = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        var submit = new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() };
        await Client.SubmitApplicationAsync(submit, Municipality(ags), cancellationToken: Ct);
        await Client.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        Assert.Equal(ApplicationState.FormalReview, (await Client.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, Mais, cancellationToken: Ct)).State);

        var replayed = await Client.SubmitApplicationAsync(submit, Municipality(ags), cancellationToken: Ct);

        Assert.Equal(ApplicationState.Submitted, replayed.State); // the first answer, as it was
        Assert.Equal(ApplicationState.FormalReview, (await Client.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, Mais, cancellationToken: Ct)).State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_decision_without_a_reason_is_refused_with_one_violation_for_the_reason(string reason)
    {
        const string ags = "05162"; // Rhein-Kreis Neuss
        var draft = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        await Client.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct);

        var toRequest = await Assert.ThrowsAsync<RpcException>(() => Client.RequestDocumentsAsync(
            new RequestDocumentsRequest { Name = draft.Name, RequestId = NewId(), Reason = reason }, Mais, cancellationToken: Ct).ResponseAsync);
        var toReject = await Assert.ThrowsAsync<RpcException>(() => Client.RejectApplicationAsync(
            new RejectApplicationRequest { Name = draft.Name, RequestId = NewId(), Reason = reason }, Mais, cancellationToken: Ct).ResponseAsync);

        Assert.All([toRequest, toReject], refused =>
        {
            var violation = Assert.Single(refused.BadRequest().FieldViolations);
            Assert.Equal(("reason", "FIELD_REQUIRED"), (violation.Field, violation.Reason));
        });
    }

    [Fact]
    public async Task Documents_provided_by_overlapping_calls_are_each_kept_or_refused_as_a_concurrent_update()
    {
        const string ags = "05370"; // Kreis Heinsberg
        var draft = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);

        var calls = Enumerable.Range(1, 8).Select(async n =>
        {
            try
            {
                await Client.ProvideDocumentsAsync(new ProvideDocumentsRequest
                {
                    Name = draft.Name,
                    RequestId = NewId(),
                    Documents =
                    {
                        new Document
                        {
                            Title = $"Anlage {n}", Type = DocumentType.Other, DocumentDate = new Google.Type.Date { Year = 2013, Month = 3, Day = n },
                            Sha256 = new string('d', 64), SizeBytes = n,
                        },
                    },
                }, Municipality(ags), cancellationToken: Ct);
                return (RpcException?)null;
            }
            catch (RpcException refused)
            {
                return refused;
            }
        });
        var outcomes = await Task.WhenAll(calls);

        var refusals = outcomes.OfType<RpcException>().ToList();
        Assert.All(refusals, refused =>
        {
            Assert.Equal(StatusCode.Aborted, refused.StatusCode);
            Assert.Equal("CONCURRENT_UPDATE", refused.ErrorInfo().Reason);
            var resource = refused.Detail<Google.Rpc.ResourceInfo>();
            Assert.Equal((draft.Name, "ki.nrw/Application"), (resource.ResourceName, resource.ResourceType));
        });
        var kept = await Client.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, Municipality(ags), cancellationToken: Ct);
        Assert.Equal(outcomes.Length - refusals.Count, kept.Documents.Count);
        Assert.NotEmpty(kept.Documents);
    }

    [Fact]
    public async Task A_stale_etag_is_refused_and_changes_nothing()
    {
        const string ags = "05358"; // Kreis Düren
        var draft = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        await Client.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            Application = new Application { Name = draft.Name, Etag = draft.Etag, OrganisationalPlacement = "Stabsstelle Landrat" },
            UpdateMask = Mask("organisational_placement"),
            RequestId = NewId(),
        }, Municipality(ags), cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            Application = new Application { Name = draft.Name, Etag = draft.Etag, OrganisationalPlacement = "Amt 40" },
            UpdateMask = Mask("organisational_placement"),
            RequestId = NewId(),
        }, Municipality(ags), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, refused.StatusCode);
        Assert.Equal("ETAG_MISMATCH", refused.ErrorInfo().Reason);
        var current = await Client.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, Municipality(ags), cancellationToken: Ct);
        Assert.Equal("Stabsstelle Landrat", current.OrganisationalPlacement);
    }

    [Fact]
    public async Task Watchers_see_each_step_of_one_application_or_of_all_a_municipality_s()
    {
        const string ags = "05766"; // Kreis Lippe
        var draft = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        using var one = Client.WatchApplications(new WatchApplicationsRequest { Application = draft.Name }, Municipality(ags), cancellationToken: deadline.Token);
        using var all = Client.WatchApplications(new WatchApplicationsRequest { Municipality = $"municipalities/{ags}" }, Mais, cancellationToken: deadline.Token);
        // The streams are open once the server has answered the headers.
        await one.ResponseHeadersAsync;
        await all.ResponseHeadersAsync;

        await Client.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct);
        await Client.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);

        foreach (var stream in new[] { one, all })
        {
            Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));
            Assert.Equal(ApplicationAction.Submitted, stream.ResponseStream.Current.Action);
            Assert.True(await stream.ResponseStream.MoveNext(deadline.Token));
            Assert.Equal(ApplicationAction.FormalReviewStarted, stream.ResponseStream.Current.Action);
            Assert.Equal(ApplicationState.FormalReview, stream.ResponseStream.Current.ToState);
        }
    }

    [Fact]
    public async Task Lists_page_through_applications_with_filters()
    {
        string[] municipalities = ["05512", "05513", "05515"]; // Bottrop, Gelsenkirchen, Münster
        foreach (var ags in municipalities)
        {
            await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        }

        var seen = new List<Application>();
        var request = new ListApplicationsRequest { PageSize = 2, GovernmentDistrict = "Münster", State = ApplicationState.Draft };
        do
        {
            var page = await Client.ListApplicationsAsync(request, Mais, cancellationToken: Ct);
            seen.AddRange(page.Applications);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Superset(municipalities.Select(a => $"municipalities/{a}").ToHashSet(), seen.Select(a => a.Municipality).ToHashSet());
        Assert.All(seen, a => Assert.Equal(ApplicationState.Draft, a.State));
        Assert.Equal(seen.Count, seen.Select(a => a.Name).Distinct().Count());
    }

    private async Task<Application> SubmittedAsync(string ags)
    {
        var draft = await Client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        return await Client.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct);
    }
}
