using KiPlatform.IntegrationEvents.Funding;

namespace KiPlatform.Funding.FundingPeriods;

internal static class FundingPeriodEvents
{
    public static FundingPeriodChanged Changed(FundingPeriod period, DateTimeOffset now) => new(
        period.Id, period.Revision, period.StartDate, period.EndDate, period.BudgetCents,
        period.PostCaps.TeacherMilli, period.PostCaps.SpecialistMilli, period.PostCaps.AdministrativeMilli, period.PostCaps.SupportMilli, now);
}
