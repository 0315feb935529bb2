using System.Diagnostics;

namespace KiPlatform.ReadsBench;

/// <summary>A steady offered load and what it measured: sends paced at a rate, waits bounded, latencies as percentiles.</summary>
internal static class Steady
{
    /// <summary>Calls <paramref name="send"/> <paramref name="count"/> times, the i-th at i / rate seconds, never in a burst ahead of it.</summary>
    public static async Task PacedAsync(int perSecond, int count, Func<int, Task> send)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            await send(i);
        }
    }

    /// <summary>Returns once <paramref name="done"/> holds, or after <paramref name="seconds"/>: the figures then show what was missing.</summary>
    public static async Task UntilAsync(Func<Task<bool>> done, int seconds = 120)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * seconds;
        while (!await done() && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }
    }

    public static string Percentiles(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "no samples";
        }

        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"p50 {At(0.50):0} ms, p95 {At(0.95):0} ms, p99 {At(0.99):0} ms, max {sorted[^1]:0} ms ({sorted.Length} samples)";
    }
}
