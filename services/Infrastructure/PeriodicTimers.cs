namespace KiPlatform.Infrastructure;

public static class PeriodicTimers
{
    /// <summary>Waits for the next tick; false when the timer is disposed or the service is stopping, so a loop ends quietly.</summary>
    public static async Task<bool> NextTickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
