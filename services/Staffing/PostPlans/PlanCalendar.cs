namespace KiPlatform.Staffing.PostPlans;

/// <summary>"Today" for post plans: the calendar day in North Rhine-Westphalia, whatever zone the server runs in.</summary>
public static class PlanCalendar
{
    // Without the time zone database (a minimal container) the day is taken in UTC, at most two hours off.
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Berlin", out var berlin) ? berlin : TimeZoneInfo.Utc;

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
