using KiPlatform.IntegrationEvents.Funding;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>
/// Keeps Applications' copy of each funding period (dates and post caps) as Funding publishes it: Funding is the one
/// place a period is configured. Runs inside the service's message deduplication; an event older than the copy held
/// (by its revision) changes nothing.
/// </summary>
public sealed partial class FundingPeriodChangedConsumer(ApplicationsDbContext db, ILogger<FundingPeriodChangedConsumer> logger)
    : IConsumer<FundingPeriodChanged>
{
    public async Task Consume(ConsumeContext<FundingPeriodChanged> context)
    {
        var changed = context.Message;
        var caps = new FteByCategory(changed.TeacherCapMilli / 1000m, changed.SpecialistCapMilli / 1000m,
            changed.AdministrativeCapMilli / 1000m, changed.SupportCapMilli / 1000m);
        var copy = await db.PeriodPostCaps.SingleOrDefaultAsync(c => c.PeriodId == changed.PeriodId, context.CancellationToken);
        if (copy is null)
        {
            db.PeriodPostCaps.Add(PeriodPostCaps.Copy(changed.PeriodId, changed.Revision, changed.StartDate, changed.EndDate, caps));
            LogCopied(changed.PeriodId, changed.Revision);
        }
        else if (copy.Update(changed.Revision, changed.StartDate, changed.EndDate, caps))
        {
            LogCopied(changed.PeriodId, changed.Revision);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Funding period {PeriodId} copied at revision {Revision}")]
    private partial void LogCopied(string periodId, int revision);
}
