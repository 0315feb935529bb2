using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KiPlatform.Messaging.Deduplication;

/// <summary>
/// Commits the inserts of messages handled at the same moment in one transaction of <typeparamref name="TContext"/>:
/// a commit (its round trips and its flush to disk) per group instead of per message, which is what limited a consumer.
/// Nothing waits to fill a group: while one group commits, the messages finished meanwhile gather for the next.
/// The group commits all or nothing; when it cannot (a copy of a message already handled, a change the database refuses),
/// each of its messages is told so and commits alone, so its retries, error queue and Fault stay its own.
/// </summary>
internal sealed partial class ConsumerGroupCommit<TContext>(
    IServiceScopeFactory scopes,
    MessagingTelemetry telemetry,
    IOptions<MessagingOptions> options,
    ILogger<ConsumerGroupCommit<TContext>> logger)
    where TContext : DbContext
{
    private readonly ConcurrentQueue<Member> _waiting = new();
    private int _leading;

    /// <summary>False when configured to commit every message alone.</summary>
    public bool Enabled => options.Value.ConsumerCommitGroupLimit > 1;

    /// <returns>True once <paramref name="inserts"/> committed; false when they did not and the message must commit alone.</returns>
    public Task<bool> CommitAsync(PendingInserts inserts, CancellationToken cancellationToken)
    {
        var member = new Member(inserts, Activity.Current?.Context, cancellationToken);
        _waiting.Enqueue(member);
        if (Interlocked.CompareExchange(ref _leading, 1, 0) == 0)
        {
            // On the thread pool, not on this message's flow: the groups that follow must not hold up its acknowledgement.
            _ = Task.Run(LeadAsync, CancellationToken.None);
        }

        // A message given up while its group commits is redelivered, and then found among the processed messages.
        return member.Outcome.Task.WaitAsync(cancellationToken);
    }

    private async Task LeadAsync()
    {
        Activity.Current = null; // each group is a trace of its own, linked to the messages' traces
        do
        {
            try
            {
                while (TakeGroup() is { Count: > 0 } group)
                {
                    await CommitGroupAsync(group);
                }
            }
            finally
            {
                Volatile.Write(ref _leading, 0);
            }

            // A message queued after the last take but before the release found a leader still in place: lead again.
        }
        while (!_waiting.IsEmpty && Interlocked.CompareExchange(ref _leading, 1, 0) == 0);
    }

    private List<Member> TakeGroup()
    {
        var group = new List<Member>();
        var limit = options.Value.ConsumerCommitGroupLimit;
        while (group.Count < limit && _waiting.TryDequeue(out var member))
        {
            if (member.CancellationToken.IsCancellationRequested)
            {
                member.Outcome.TrySetResult(false);
                continue;
            }

            group.Add(member);
        }

        return group;
    }

    private async Task CommitGroupAsync(List<Member> group)
    {
        using var activity = MessagingTelemetry.ActivitySource.StartActivity(
            "consumer commit",
            ActivityKind.Internal,
            parentContext: default,
            links: group.Where(m => m.Trace is not null).Select(m => new ActivityLink(m.Trace!.Value)));
        activity?.SetTag("ki.consumer.group_size", group.Count);
        try
        {
            while (group.Count > 0)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var conflicting = AddAll(group, db);
                if (conflicting is not null)
                {
                    // Two messages loaded the same row as different objects: one context cannot hold both.
                    conflicting.Outcome.TrySetResult(false);
                    group.Remove(conflicting);
                    continue;
                }

                // Not the members' tokens: one message given up must not undo the others' commit.
                await db.SaveChangesAsync(CancellationToken.None);
                telemetry.CommittedGroup(group.Count);
                group.ForEach(m => m.Outcome.TrySetResult(true));
                return;
            }
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            telemetry.GroupFailed();
            LogGroupFailed(e, group.Count);
            group.ForEach(m => m.Outcome.TrySetResult(false));
        }
    }

    private static Member? AddAll(List<Member> group, TContext db)
    {
        foreach (var member in group)
        {
            try
            {
                member.Inserts.AddTo(db);
            }
            catch (InvalidOperationException)
            {
                return member;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A group of {Count} handled messages could not commit together; each commits alone")]
    private partial void LogGroupFailed(Exception exception, int count);

    private sealed class Member(PendingInserts inserts, ActivityContext? trace, CancellationToken cancellationToken)
    {
        public PendingInserts Inserts { get; } = inserts;

        public ActivityContext? Trace { get; } = trace;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        // Continuations run on the thread pool, not inside the leader's commit of the next group.
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
