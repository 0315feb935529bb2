namespace KiPlatform.Infrastructure;

public static class DatabaseTime
{
    /// <summary>
    /// The current time at PostgreSQL's precision (microseconds): a time a command writes and returns at once then reads
    /// back the same later.
    /// </summary>
    public static DateTimeOffset GetDatabaseNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
