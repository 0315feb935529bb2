namespace KiPlatform.Messaging.Deduplication;

/// <summary>
/// What a consumer leaves to be done once its message's changes have committed, and only then: wake-ups of live streams
/// and the like, which would find nothing if they ran before. Never an effect that must not be lost: that goes through the
/// outbox. One per message scope; a consumer run that is repeated (a retry, a group that could not commit) starts empty.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<Func<Task>> _actions = [];

    public void Add(Func<Task> action) => _actions.Add(action);

    internal void Clear() => _actions.Clear();

    internal async Task RunAsync()
    {
        foreach (var action in _actions)
        {
            await action();
        }

        _actions.Clear();
    }
}
