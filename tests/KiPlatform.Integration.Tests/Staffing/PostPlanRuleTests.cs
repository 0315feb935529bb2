using Google.Rpc;
using Google.Type;
using Grpc.Core;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using KiPlatform.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationRequests;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;
using static KiPlatform.Integration.Tests.Staffing.StaffingStackFixture;

namespace KiPlatform.Integration.Tests.Staffing;

/// <summary>The rules of a plan over gRPC: each refused with its status, reason and details, and changing nothing.</summary>
public sealed class PostPlanRuleTests(StaffingStackFixture fixture) : IClassFixture<StaffingStackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PostPlanService.PostPlanServiceClient Client => fixture.PostPlans;

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static FillPostRequest Fill(Post post, string staffId, int share, Date start, Date? end = null, string secondment = "") => new()
    {
        Post = post.Name,
        RequestId = NewId(),
        Occupant = new NewOccupant { StaffId = staffId, DisplayName = $"Person {staffId}", ShareMilli = share, StartDate = start, EndDate = end, SecondmentReference = secondment },
    };

    private static Post Specialist(PostPlan plan) => plan.Posts.First(p => p.Category == PostCategory.Specialist && p.FteMilli == 1000);

    private static Post Teacher(PostPlan plan) => plan.Posts.First(p => p.Category == PostCategory.Teacher);

    private static async Task<RpcException> RefusedAsync(Func<AsyncUnaryCall<PostPlan>> call) => await Assert.ThrowsAsync<RpcException>(() => call().ResponseAsync);

    [Fact]
    public async Task Filling_beyond_the_posts_fte_on_some_date_is_a_failed_precondition_and_changes_nothing()
    {
        const string ags = "05334";
        var owner = Municipality(ags);
        var plan = await fixture.ApprovedPlanAsync(ags);
        var post = Specialist(plan);
        var first = await Client.FillPostAsync(Fill(post, "ac-1", 600, Day(2013, 2, 1), Day(2013, 6, 30)), owner, cancellationToken: Ct);

        var error = await RefusedAsync(() => Client.FillPostAsync(Fill(post, "ac-2", 500, Day(2013, 6, 1)), owner, cancellationToken: Ct));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("POST_OVERFILLED", error.ErrorInfo().Reason);
        Assert.Contains("2013-06-01", Assert.Single(error.Detail<PreconditionFailure>().Violations).Description);
        var after = await Client.GetPostPlanAsync(new GetPostPlanRequest { Name = plan.Name }, owner, cancellationToken: Ct);
        Assert.Equal(first.Etag, after.Etag);
        Assert.Single(after.Posts.Single(p => p.Name == post.Name).Occupancies);
    }

    [Fact]
    public async Task Bad_fields_are_invalid_arguments_naming_the_field()
    {
        const string ags = "05366";
        var owner = Municipality(ags);
        var plan = await fixture.ApprovedPlanAsync(ags);

        var share = await RefusedAsync(() => Client.FillPostAsync(Fill(Specialist(plan), "eu-1", 550, Day(2013, 2, 1)), owner, cancellationToken: Ct));
        var endBeforeStart = await RefusedAsync(() => Client.FillPostAsync(Fill(Specialist(plan), "eu-1", 500, Day(2013, 2, 1), Day(2013, 1, 31)), owner, cancellationToken: Ct));
        var noSecondment = await RefusedAsync(() => Client.FillPostAsync(Fill(Teacher(plan), "eu-2", 1000, Day(2013, 8, 1)), Msw, cancellationToken: Ct));
        var pseudonym = await RefusedAsync(() => Client.FillPostAsync(Fill(Specialist(plan), "Erika Mustermann", 500, Day(2013, 2, 1)), owner, cancellationToken: Ct));

        Assert.All([share, endBeforeStart, noSecondment, pseudonym], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal(("occupant.share_milli", "SHARE_NOT_IN_TENTHS"), (Assert.Single(share.BadRequest().FieldViolations).Field, share.ErrorInfo().Reason));
        Assert.Equal(("occupant.end_date", "END_BEFORE_START"), (Assert.Single(endBeforeStart.BadRequest().FieldViolations).Field, endBeforeStart.ErrorInfo().Reason));
        Assert.Equal(("occupant.secondment_reference", "SECONDMENT_REFERENCE_REQUIRED"),
            (Assert.Single(noSecondment.BadRequest().FieldViolations).Field, noSecondment.ErrorInfo().Reason));
        Assert.Equal("occupant.staff_id", Assert.Single(pseudonym.BadRequest().FieldViolations).Field);
    }

    [Fact]
    public async Task Occupancies_outside_the_plans_period_and_part_time_heads_are_failed_preconditions()
    {
        const string ags = "05382";
        var owner = Municipality(ags);
        var plan = await fixture.ApprovedPlanAsync(ags);
        await Client.FillPostAsync(Fill(Specialist(plan), "rs-1", 500, Day(2013, 2, 1)), owner, cancellationToken: Ct);

        var outside = await RefusedAsync(() => Client.FillPostAsync(Fill(Specialist(plan), "rs-2", 500, Day(2014, 1, 1)), owner, cancellationToken: Ct));
        var partTimeHead = await RefusedAsync(() => Client.AppointLeadAsync(
            new AppointLeadRequest { Name = plan.Name, RequestId = NewId(), Role = LeadRole.Head, StaffId = "rs-1" }, owner, cancellationToken: Ct));

        Assert.Equal((StatusCode.FailedPrecondition, "OCCUPANCY_OUTSIDE_PLAN"), (outside.StatusCode, outside.ErrorInfo().Reason));
        Assert.Equal((StatusCode.FailedPrecondition, "LEAD_NOT_FULL_TIME"), (partTimeHead.StatusCode, partTimeHead.ErrorInfo().Reason));
    }

    [Fact]
    public async Task Teacher_posts_are_msws_to_staff_and_the_others_the_municipalitys()
    {
        const string ags = "05554";
        var owner = Municipality(ags);
        var plan = await fixture.ApprovedPlanAsync(ags);

        var municipalityOnTeacherPost = await RefusedAsync(() =>
            Client.FillPostAsync(Fill(Teacher(plan), "bo-1", 1000, Day(2013, 8, 1), secondment: "BR-MS-2013-17"), owner, cancellationToken: Ct));
        var mswOnSpecialistPost = await RefusedAsync(() => Client.FillPostAsync(Fill(Specialist(plan), "bo-2", 1000, Day(2013, 8, 1)), Msw, cancellationToken: Ct));
        var seconded = await Client.FillPostAsync(Fill(Teacher(plan), "bo-1", 1000, Day(2013, 8, 1), secondment: "BR-MS-2013-17"), Msw, cancellationToken: Ct);

        Assert.Equal((StatusCode.PermissionDenied, "POST_CATEGORY_NOT_YOURS"), (municipalityOnTeacherPost.StatusCode, municipalityOnTeacherPost.ErrorInfo().Reason));
        Assert.Equal((StatusCode.PermissionDenied, "POST_CATEGORY_NOT_YOURS"), (mswOnSpecialistPost.StatusCode, mswOnSpecialistPost.ErrorInfo().Reason));
        Assert.Equal("BR-MS-2013-17", seconded.Posts.Single(p => p.Name == Teacher(plan).Name).Occupancies.Single().SecondmentReference);
    }

    [Fact]
    public async Task A_municipality_can_neither_read_nor_change_another_municipalitys_plan()
    {
        const string ags = "05558";
        var plan = await fixture.ApprovedPlanAsync(ags);
        var other = Municipality("05562");

        var read = await Assert.ThrowsAsync<RpcException>(() => Client.GetPostPlanAsync(new GetPostPlanRequest { Name = plan.Name }, other, cancellationToken: Ct).ResponseAsync);
        var change = await RefusedAsync(() => Client.FillPostAsync(Fill(Specialist(plan), "co-1", 1000, Day(2013, 2, 1)), other, cancellationToken: Ct));
        var listed = await Client.ListPostPlansAsync(new ListPostPlansRequest(), other, cancellationToken: Ct);

        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (read.StatusCode, read.ErrorInfo().Reason));
        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (change.StatusCode, change.ErrorInfo().Reason));
        Assert.DoesNotContain(listed.PostPlans, p => p.Name == plan.Name);
    }

    [Fact]
    public async Task LaKI_sees_plans_without_names_and_each_ministry_only_the_names_on_its_posts()
    {
        const string ags = "05562";
        var plan = await fixture.ApprovedPlanAsync(ags);
        await Client.FillPostAsync(Fill(Specialist(plan), "re-1", 1000, Day(2013, 2, 1)), Municipality(ags), cancellationToken: Ct);
        await Client.FillPostAsync(Fill(Teacher(plan), "re-2", 1000, Day(2013, 8, 1), secondment: "BR-MS-2013-3"), Msw, cancellationToken: Ct);
        var request = new GetPostPlanRequest { Name = plan.Name };

        var laki = await Client.GetPostPlanAsync(request, As(Roles.Laki), cancellationToken: Ct);
        var mais = await Client.GetPostPlanAsync(request, Mais, cancellationToken: Ct);
        var owner = await Client.GetPostPlanAsync(request, Municipality(ags), cancellationToken: Ct);

        static string NameOn(PostPlan p, string staffId) => p.Posts.SelectMany(post => post.Occupancies).Single(o => o.StaffId == staffId).DisplayName;
        Assert.True(laki.NamesWithheld);
        Assert.All(laki.Posts.SelectMany(p => p.Occupancies), o => Assert.Equal("", o.DisplayName));
        Assert.Equal(1000, laki.Posts.Single(p => p.Name == Specialist(plan).Name).Occupancies.Single().ShareMilli);
        Assert.Equal(("Person re-1", ""), (NameOn(mais, "re-1"), NameOn(mais, "re-2")));
        Assert.Equal(("Person re-1", "Person re-2"), (NameOn(owner, "re-1"), NameOn(owner, "re-2")));
        Assert.False(owner.NamesWithheld);
    }

    [Fact]
    public async Task A_stale_etag_is_aborted_and_a_repeated_request_id_returns_the_first_result()
    {
        const string ags = "05570";
        var owner = Municipality(ags);
        var plan = await fixture.ApprovedPlanAsync(ags);
        var fill = Fill(Specialist(plan), "wa-1", 1000, Day(2013, 2, 1));
        fill.Etag = plan.Etag;

        var first = await Client.FillPostAsync(fill, owner, cancellationToken: Ct);
        var repeat = await Client.FillPostAsync(fill, owner, cancellationToken: Ct);
        var stale = await RefusedAsync(() => Client.VacatePostAsync(new VacatePostRequest
        {
            Post = Specialist(plan).Name, RequestId = NewId(), Etag = plan.Etag, StaffId = "wa-1", LastDay = Day(2013, 6, 30), Reason = VacateReason.Resigned,
        }, owner, cancellationToken: Ct));

        Assert.Equal(first, repeat);
        Assert.Equal((StatusCode.Aborted, "ETAG_MISMATCH"), (stale.StatusCode, stale.ErrorInfo().Reason));
    }
}
