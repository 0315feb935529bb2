using KiPlatform.Applications.V1;
using KiPlatform.Funding.V1;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Messaging.Outbox;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Rpc.Names;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>
/// Makes a KI's post plan from its first approval, and carries it forward on the approval of a further period. The
/// period's dates come from Funding and, for a new plan, the municipality's name and district from Applications, both
/// over gRPC on the service's own account. Runs inside the service's message deduplication: the plan, its event and
/// the processed-message record commit together, and a redelivery changes nothing. The same approval arriving as
/// another message finds its period in the plan and changes nothing either.
/// </summary>
public sealed partial class ApplicationApprovedConsumer(
    StaffingDbContext db,
    EventOutbox<StaffingDbContext> outbox,
    MunicipalityService.MunicipalityServiceClient municipalities,
    FundingPeriodService.FundingPeriodServiceClient fundingPeriods,
    PostPlanReadCache cache,
    TimeProvider clock,
    ILogger<ApplicationApprovedConsumer> logger) : IConsumer<ApplicationApproved>
{
    public async Task Consume(ConsumeContext<ApplicationApproved> context)
    {
        var approved = context.Message;
        var ct = context.CancellationToken;
        var plan = await db.PostPlans.AsSplitQuery().SingleOrDefaultAsync(p => p.Ags == approved.Ags, ct);
        if (plan is not null && plan.HasPeriod(approved.PeriodId))
        {
            LogAlreadyPlanned(approved.Ags, approved.PeriodId);
            return;
        }

        var period = await fundingPeriods.GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = FundingPeriodName.Format(approved.PeriodId) }, cancellationToken: ct);
        var approval = new Approval(approved.PeriodId, period.StartDate.ToDateOnly()!.Value, period.EndDate.ToDateOnly()!.Value, approved.ApplicationId,
            new ApprovedPosts(Milli(approved.ApprovedPosts.TeacherFte), Milli(approved.ApprovedPosts.SpecialistFte),
                Milli(approved.ApprovedPosts.AdministrativeFte), Milli(approved.ApprovedPosts.SupportFte)),
            approved.ApprovedAt);
        var now = clock.GetUtcNow();
        if (plan is null)
        {
            var municipality = await municipalities.GetMunicipalityAsync(new GetMunicipalityRequest { Name = MunicipalityName.Format(approved.Ags) }, cancellationToken: ct);
            plan = PostPlan.Create(approved.Ags, municipality.DisplayName, municipality.GovernmentDistrict, approval, now);
            db.PostPlans.Add(plan);
            outbox.Add(PostPlanEvents.Created(plan, now));
            LogCreated(approved.Ags, approved.PeriodId, plan.Posts.Count);
            return;
        }

        var change = plan.ApplyApproval(approval, now);
        outbox.Add(PostPlanEvents.Changed(plan, change.Added, change.Cut, approved.ApplicationId, now));
        var ags = plan.Ags;
        // The cached plan is the old one until this commits; dropped once saved, so no read in between puts it back for long.
        db.SavedChanges += (_, _) => _ = cache.ForgetAsync(ags, CancellationToken.None).AsTask();
        LogCarriedForward(approved.Ags, approved.PeriodId, change.Added.Count, change.Cut.Count);
    }

    private static int Milli(decimal fte) => (int)(fte * 1000m);

    [LoggerMessage(Level = LogLevel.Information, Message = "Post plan of {Ags} made for period {PeriodId} with {PostCount} posts")]
    private partial void LogCreated(string ags, string periodId, int postCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Post plan of {Ags} carried forward to period {PeriodId}: {Added} posts added, {Cut} cut")]
    private partial void LogCarriedForward(string ags, string periodId, int added, int cut);

    [LoggerMessage(Level = LogLevel.Information, Message = "Post plan of {Ags} has period {PeriodId} already; the approval changes nothing")]
    private partial void LogAlreadyPlanned(string ags, string periodId);
}
