using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Messaging.Outbox;

/// <summary>
/// Where a command handler raises integration events. An event added here is written by the next SaveChanges of the
/// same <typeparamref name="TContext"/>, in the transaction of the state change, and published after the commit.
/// </summary>
public sealed class EventOutbox<TContext>(TContext db, TimeProvider clock) where TContext : DbContext
{
    public void Add<TEvent>(TEvent @event) where TEvent : class =>
        db.Set<OutboxMessage>().Add(OutboxMessage.Create(@event, clock.GetUtcNow(), Activity.Current));
}
