namespace KiPlatform.Testing;

/// <summary>Waits for a condition that becomes true asynchronously (an event consumed, a row sent, telemetry exported), with a deadline.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public static async Task<T> MatchesAsync<T>(Func<CancellationToken, Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        using var timeout = new CancellationTokenSource(limit);
        T last = default!;
        while (true)
        {
            try
            {
                last = await probe(timeout.Token);
                if (condition(last))
                {
                    return last;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Within {limit}: {what} (last seen: {last}).");
            }
        }
    }
}
