namespace KiPlatform.Domain;

/// <summary>"Today" for every dated rule: the calendar day in North Rhine-Westphalia, whatever zone the server runs in.</summary>
public static class StateCalendar
{
    // Without the time zone database (a minimal container) the day is taken in UTC, at most two hours off.
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Berlin", out var berlin) ? berlin : TimeZoneInfo.Utc;

    public static DateOnly Today(this TimeProvider clock) => DayOf(clock.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
