using System.Threading.Channels;

namespace KiPlatform.Messaging.Outbox;

/// <summary>Wakes a sleeping dispatcher; any number of signals while it works fold into one.</summary>
internal sealed class OutboxWakeUp
{
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Signal() => signals.Writer.TryWrite(true);

    /// <summary>Returns true when signalled, false when <paramref name="timeout"/> passed first.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await signals.Reader.ReadAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false; // The poll interval passed without a signal: look anyway.
        }
    }
}
