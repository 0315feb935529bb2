namespace KiPlatform.Rpc.Contracts;

/// <summary>Calendar dates as the contracts carry them: google.type.Date, where an unset or all-zero date means none.</summary>
public static class ProtoDates
{
    public static Google.Type.Date ToContract(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static DateOnly? ToDateOnly(this Google.Type.Date? date) =>
        date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0) ? null : new DateOnly(date.Year, date.Month, date.Day);
}
