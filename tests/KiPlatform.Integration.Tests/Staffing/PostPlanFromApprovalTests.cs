extern alias staffing;
using System.Diagnostics.Metrics;
using Google.Type;
using KiPlatform.Applications.V1;
using KiPlatform.Messaging;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using KiPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationRequests;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;
using static KiPlatform.Integration.Tests.Staffing.StaffingStackFixture;

namespace KiPlatform.Integration.Tests.Staffing;

/// <summary>Plans made and carried forward by approvals on the real bus, against real PostgreSQL, RabbitMQ and Redis.</summary>
public sealed class PostPlanFromApprovalTests(StaffingStackFixture fixture) : IClassFixture<StaffingStackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StaffingStack Stack => fixture.Stack;

    [Fact]
    public async Task An_application_approved_through_the_applications_service_yields_its_plan_with_name_district_and_period()
    {
        const string ags = "05315"; // Köln
        var applications = Stack.Applications.Applications;
        var owner = Municipality(ags);
        var draft = await applications.CreateApplicationAsync(Create(ags), owner, cancellationToken: Ct);
        await applications.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, owner, cancellationToken: Ct);
        await applications.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        await applications.StartContentReviewAsync(new StartContentReviewRequest { Name = draft.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        await applications.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = NewId(), Mais = new MaisPart { SpecialistFte = 1.5, AdministrativeFte = 1.0, SupportFte = 0.5 },
        }, Mais, cancellationToken: Ct);
        await applications.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = NewId(), Msw = new MswPart { TeacherFte = 2.0 },
        }, Msw, cancellationToken: Ct);

        var plan = await fixture.PlanWithPeriodAsync(ags, "2013");

        Assert.Equal(("Köln", "Köln", "municipalities/05315"), (plan.MunicipalityDisplayName, plan.GovernmentDistrict, plan.Municipality));
        var period = Assert.Single(plan.Periods);
        Assert.Equal((new Date { Year = 2013, Month = 1, Day = 1 }, new Date { Year = 2013, Month = 12, Day = 31 }, draft.Name),
            (period.StartDate, period.EndDate, period.Application));
        Assert.Equal(
            [(PostCategory.Teacher, 1000), (PostCategory.Teacher, 1000), (PostCategory.Specialist, 1000), (PostCategory.Specialist, 500),
             (PostCategory.Administration, 1000), (PostCategory.Support, 500)],
            plan.Posts.Select(p => (p.Category, p.FteMilli)));
        Assert.All(plan.Posts, p => Assert.Equal(p.Category == PostCategory.Teacher ? Ministry.Msw : Ministry.Mais, p.Ministry));
    }

    [Fact]
    public async Task An_approval_delivered_twice_makes_one_plan_and_one_event()
    {
        const string ags = "05316"; // Leverkusen
        using var duplicates = new MetricCollector<long>(Stack.StaffingServices.GetRequiredService<IMeterFactory>(), MessagingTelemetry.Name, "ki.consumer.duplicates");
        var approval = Approval(ags);
        var messageId = Guid.NewGuid();

        await Stack.PublishAsync(approval, messageId);
        await Stack.PublishAsync(approval, messageId);
        await Stack.PublishAsync(approval, Guid.NewGuid()); // the same approval as another message
        await fixture.PlanWithPeriodAsync(ags, "2013");
        await Eventually.MatchesAsync(_ => Task.FromResult(duplicates.GetMeasurementSnapshot().Sum(m => m.Value)), count => count >= 1,
            "the second delivery was recognised as a duplicate");
        await Eventually.MatchesAsync(_ => Stack.ScalarAsync($"SELECT count(*) FROM processed_messages"), count => count >= 2,
            "the approval sent as another message was handled");

        Assert.Equal(1, await Stack.ScalarAsync($"SELECT count(*) FROM post_plans WHERE \"Ags\" = '{ags}'"));
        Assert.Equal(6, await Stack.ScalarAsync($"SELECT count(*) FROM posts p JOIN post_plans pp ON pp.\"Id\" = p.\"PostPlanId\" WHERE pp.\"Ags\" = '{ags}'"));
        Assert.Equal(1, await Stack.ScalarAsync(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PostPlanCreated%' AND body::text LIKE '%\"{ags}\"%'"));
    }

    [Fact]
    public async Task The_next_periods_approval_carries_the_occupants_forward_and_cuts_only_vacant_posts()
    {
        const string ags = "05314"; // Bonn
        var plan = await fixture.ApprovedPlanAsync(ags);
        var specialists = plan.Posts.Where(p => p.Category == PostCategory.Specialist).ToList();
        var filled = await fixture.PostPlans.FillPostAsync(new FillPostRequest
        {
            Post = specialists[0].Name, RequestId = NewId(), Etag = plan.Etag,
            Occupant = new NewOccupant { StaffId = "bn-17", DisplayName = "Jana Muster", ShareMilli = 1000, StartDate = new Date { Year = 2013, Month = 4, Day = 1 } },
        }, Municipality(ags), cancellationToken: Ct);
        await Stack.AddFundingPeriodAsync("2014", new DateOnly(2014, 1, 1), new DateOnly(2014, 12, 31));

        await Stack.PublishAsync(Approval(ags, new(2.0m, 1.0m, 1.0m, 0.5m), "2014"), Guid.NewGuid());
        var carried = await fixture.PlanWithPeriodAsync(ags, "2014");

        Assert.NotEqual(filled.Etag, carried.Etag);
        Assert.Equal(["fundingPeriods/2013", "fundingPeriods/2014"], carried.Periods.Select(p => p.FundingPeriod));
        var kept = carried.Posts.Single(p => p.Name == specialists[0].Name);
        Assert.Equal("bn-17", Assert.Single(kept.Occupancies).StaffId);
        Assert.Null(kept.ClosesAfter);
        var cut = carried.Posts.Single(p => p.Name == specialists[1].Name);
        Assert.Equal(new Date { Year = 2013, Month = 12, Day = 31 }, cut.ClosesAfter);
        Assert.Empty(carried.Surplus);
        Assert.Equal(1, await Stack.ScalarAsync(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PostPlanChanged%' AND body::text LIKE '%\"{ags}\"%'"));
    }
}
