using KiPlatform.Funding.Grants;
using KiPlatform.IntegrationEvents.Staffing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Funding.Vacancies;

/// <summary>
/// A plan made or changed, or a post filled or vacated, changes what the municipality's grants owe: their vacancy figures are marked stale (a row is
/// made for a grant that had none) and the <see cref="VacancyRefresher"/> fetches them again from Staffing. A repeated
/// event only causes one more fetch.
/// </summary>
public sealed class StaffingChangeConsumer(FundingDbContext db, VacancyRefresher refresher)
    : IConsumer<PostPlanCreated>, IConsumer<PostPlanChanged>, IConsumer<PostFilled>, IConsumer<PostVacated>
{
    public Task Consume(ConsumeContext<PostPlanCreated> context) => MarkStaleAsync(context.Message.Ags, context.CancellationToken);

    public Task Consume(ConsumeContext<PostPlanChanged> context) => MarkStaleAsync(context.Message.Ags, context.CancellationToken);

    public Task Consume(ConsumeContext<PostFilled> context) => MarkStaleAsync(context.Message.Ags, context.CancellationToken);

    public Task Consume(ConsumeContext<PostVacated> context) => MarkStaleAsync(context.Message.Ags, context.CancellationToken);

    private async Task MarkStaleAsync(string ags, CancellationToken cancellationToken)
    {
        var (issued, final, claimed) = (GrantStatus.Issued.ToString(), GrantStatus.Final.ToString(), GrantStatus.RepaymentClaimed.ToString());
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO grant_vacancies ("GrantId", "Ags", "Months", "ChangesSeen", "ChangesTaken")
            SELECT "Id", "Ags", '[]', 1, 0 FROM grants WHERE "Ags" = {ags} AND "Status" IN ({issued}, {final}, {claimed})
            ON CONFLICT ("GrantId") DO UPDATE SET "ChangesSeen" = grant_vacancies."ChangesSeen" + 1
            """, cancellationToken);
        refresher.Wake();
    }
}
