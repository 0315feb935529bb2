using KiPlatform.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KiPlatform.Notifications.Delivery;

/// <summary>
/// Sends the mail that is due over SMTP (MailKit), a batch at a time: the batch's rows are claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several instances never send one mail twice, and each is marked sent or scheduled
/// again with a doubling wait. A mail server that is down delays mail, never an inbox entry.
/// </summary>
public sealed partial class MailSender(
    IServiceScopeFactory scopes, IConfiguration configuration, IOptions<MailOptions> options, NotificationMetrics metrics, TimeProvider clock, ILogger<MailSender> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configuration.GetConnectionString("mail") is not { Length: > 0 } server)
        {
            LogNoServer();
            return;
        }

        var address = new Uri(server);
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                while (await SendDueAsync(address, stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(e);
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }

    /// <returns>How many mails were due in this batch.</returns>
    public async Task<int> SendDueAsync(Uri server, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => SendBatchAsync(db, server, ct), cancellationToken);
    }

    private async Task<int> SendBatchAsync(NotificationsDbContext db, Uri server, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.MailDeliveries
            .FromSql($"SELECT * FROM mail_deliveries WHERE \"Status\" = 'Pending' AND \"NextAttemptAt\" <= {now} ORDER BY \"NextAttemptAt\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var settings = options.Value;
        using var smtp = new SmtpClient();
        string? unreachable = null;
        try
        {
            // smtp:// is plain SMTP (the development server); smtps:// is TLS from the first byte.
            await smtp.ConnectAsync(server.Host, server.Port, server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            unreachable = $"{e.GetType().Name}: {e.Message}";
        }

        foreach (var mail in due)
        {
            var error = unreachable;
            if (error is null)
            {
                try
                {
                    await smtp.SendAsync(Message(mail, settings.From), cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    error = $"{e.GetType().Name}: {e.Message}";
                }
            }

            if (error is null)
            {
                mail.Sent(clock.GetUtcNow());
                LogSent(mail.Id);
            }
            else
            {
                mail.AttemptFailed(error, clock.GetUtcNow(), settings.FirstRetry, settings.LongestWait, settings.MaxAttempts);
                LogAttemptFailed(mail.Id, mail.Attempts, error);
            }
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        metrics.Delivered(NotificationMetrics.EmailChannel, due.Count(m => m.Status == MailStatus.Sent));
        foreach (var failed in due.Where(m => m.Status != MailStatus.Sent))
        {
            metrics.EmailFailed(final: failed.Status == MailStatus.Failed);
        }

        return due.Count;
    }

    private static MimeMessage Message(MailDelivery mail, string from)
    {
        var message = new MimeMessage { Subject = mail.Subject, Body = new TextPart("plain") { Text = mail.Body } };
        message.From.Add(new MailboxAddress("Kommunale Integrationszentren NRW", from));
        message.To.Add(MailboxAddress.Parse(mail.Address));
        message.MessageId = $"{mail.Id}@ki-platform";
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No mail server is configured (ConnectionStrings:mail): notices are not mailed")]
    private partial void LogNoServer();

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} sent")]
    private partial void LogSent(Guid mailId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} not sent (attempt {Attempts}): {Error}")]
    private partial void LogAttemptFailed(Guid mailId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending due mail failed; the next round tries again")]
    private partial void LogRoundFailed(Exception exception);
}
