namespace KiPlatform.Notifications.Delivery;

public enum MailStatus
{
    /// <summary>Not sent yet: waiting for its first attempt, or for the next after a failure (see the last error).</summary>
    Pending = 1,

    /// <summary>The mail server accepted it.</summary>
    Sent = 2,

    /// <summary>Every attempt failed; it waits for an operator to resend it.</summary>
    Failed = 3,
}

/// <summary>
/// The mail of one inbox item to its recipient's address, written in the item's transaction, so a notice is never
/// mailed without its inbox entry, and sent by <see cref="MailSender"/> with retries. Sending is at least once: a
/// process that dies between the server's acceptance and the record of it sends the mail again.
/// </summary>
public sealed class MailDelivery
{
    private MailDelivery()
    {
    }

    public Guid Id { get; private init; }
    public Guid InboxItemId { get; private init; }
    public string RecipientId { get; private init; } = "";
    public string Address { get; private init; } = "";
    public string Subject { get; private init; } = "";
    public string Body { get; private init; } = "";
    public MailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The grant (<c>grants/{id}</c>) whose notice, as Funding renders it, goes with the mail as a PDF; null for none.</summary>
    public string? AttachedNoticeOf { get; private init; }

    public static MailDelivery For(Guid inboxItemId, string recipientId, string address, string subject, string body, string? attachedNoticeOf, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), InboxItemId = inboxItemId, RecipientId = recipientId, Address = address, Subject = subject, Body = body,
        AttachedNoticeOf = attachedNoticeOf, Status = MailStatus.Pending, NextAttemptAt = now, CreatedAt = now,
    };

    /// <summary>Keeps other senders off the mail while this one tries it: due again after <paramref name="lease"/> should the sender die.</summary>
    public void Claim(DateTimeOffset now, TimeSpan lease) => NextAttemptAt = now + lease;

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        Status = MailStatus.Sent;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Schedules the next attempt, doubling the wait from <paramref name="firstRetry"/> up to <paramref name="longestWait"/>, or gives up after <paramref name="maxAttempts"/>.</summary>
    public void AttemptFailed(string error, DateTimeOffset now, TimeSpan firstRetry, TimeSpan longestWait, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= maxAttempts)
        {
            Status = MailStatus.Failed;
            return;
        }

        var wait = firstRetry * Math.Pow(2, Attempts - 1);
        NextAttemptAt = now + (wait < longestWait ? wait : longestWait);
    }

    /// <summary>An operator's resend: a failed mail is pending again, due at once, with its attempts counted afresh.</summary>
    public void Resend(DateTimeOffset now)
    {
        Status = MailStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}
