namespace KiPlatform.Funding;

/// <summary>
/// Work a service does in rounds: one round every <see cref="Interval"/>, or at once when <see cref="Wake"/> is called
/// by work in this instance that makes a round worth running. A failed round is logged and the next one tries again.
/// </summary>
public abstract partial class ScheduledRound(ILogger logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected abstract TimeSpan Interval { get; }

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>One round; also called by tests, which move the clock between rounds.</summary>
    public abstract Task RunAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(e, GetType().Name);
            }

            try
            {
                await _wake.WaitAsync(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of {Round} failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception, string round);
}
