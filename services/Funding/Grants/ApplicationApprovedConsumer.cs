using KiPlatform.Domain;
using KiPlatform.Applications.V1;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Rpc.Names;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.Grants;

/// <summary>
/// Computes the grant an approval brings, with the period's flat rates as they stand, addressed to the municipality
/// as Applications names it, and leaves it pending for the
/// <see cref="GrantIssuer"/>, which commits grants against the budget one period at a time. Runs inside the service's
/// message deduplication; the same approval arriving as another message meets the grant made for its application and
/// changes nothing.
/// </summary>
public sealed partial class ApplicationApprovedConsumer(
    FundingDbContext db,
    MunicipalityService.MunicipalityServiceClient municipalities,
    GrantIssuer issuer,
    TimeProvider clock,
    ILogger<ApplicationApprovedConsumer> logger) : IConsumer<ApplicationApproved>
{
    public async Task Consume(ConsumeContext<ApplicationApproved> context)
    {
        var approved = context.Message;
        var ct = context.CancellationToken;
        if (await db.Grants.AnyAsync(g => g.ApplicationId == approved.ApplicationId, ct))
        {
            LogAlreadyGranted(approved.ApplicationId);
            return;
        }

        var period = await db.FundingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == approved.PeriodId, ct)
            ?? throw new InvalidOperationException($"Funding period {approved.PeriodId} of an approved application is not on record.");
        // The addressee's official name and district, from Applications on the service's own account; failing, the
        // message is retried and then redelivered.
        var municipality = await municipalities.GetMunicipalityAsync(new GetMunicipalityRequest { Name = MunicipalityName.Format(approved.Ags) }, cancellationToken: ct);
        var recipient = new GrantRecipient(approved.Ags, municipality.DisplayName, municipality.GovernmentDistrict);
        var posts = approved.ApprovedPosts;
        var fte = new MaisFte(Milli(posts.SpecialistFte), Milli(posts.AdministrativeFte), Milli(posts.SupportFte));
        var approvedOn = StateCalendar.DayOf(approved.ApprovedAt);
        var amounts = GrantCalculation.Compute(fte, period.Rates, approvedOn, period.StartDate, period.EndDate);
        db.Grants.Add(Grant.FromApproval(approved.ApplicationId, recipient, approved.PeriodId, period.EndDate, approved.ApprovedAt, Milli(posts.TeacherFte), fte,
            period.Rates, amounts, clock.GetUtcNow()));
        issuer.Wake();
        LogComputed(approved.Ags, approved.PeriodId, amounts.TotalCents);
    }

    private static int Milli(decimal fte) => (int)(fte * 1000m);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grant of {Ags} for period {PeriodId} computed: {TotalCents} cents, pending")]
    private partial void LogComputed(string ags, string periodId, long totalCents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId} has its grant already; the approval changes nothing")]
    private partial void LogAlreadyGranted(Guid applicationId);
}
