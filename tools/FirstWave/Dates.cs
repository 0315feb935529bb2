namespace KiPlatform.FirstWave;

/// <summary>Dates as the contracts carry them (google.type.Date), and today as the platform counts days: in Berlin.</summary>
internal static class Dates
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Berlin).DateTime);

    public static Google.Type.Date ToContract(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static DateOnly FromContract(Google.Type.Date date) => new(date.Year, date.Month, date.Day);
}
