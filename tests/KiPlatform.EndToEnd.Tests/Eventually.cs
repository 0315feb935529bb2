namespace KiPlatform.EndToEnd.Tests;

/// <summary>Waits for a condition that becomes true asynchronously (an event consumed, telemetry exported), with a deadline.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<CancellationToken, Task<T?>> probe, TimeSpan deadline, string what)
        where T : class
    {
        using var timeout = new CancellationTokenSource(deadline);
        T? last = null;
        while (!timeout.IsCancellationRequested)
        {
            last = await probe(timeout.Token);
            if (last is not null)
            {
                return last;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"Within {deadline}: {what}.");
    }
}
