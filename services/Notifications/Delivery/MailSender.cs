using System.Diagnostics;
using Grpc.Core;
using KiPlatform.Funding.V1;
using KiPlatform.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace KiPlatform.Notifications.Delivery;

/// <summary>
/// Sends the mail that is due over SMTP (MailKit), a batch at a time. The batch is claimed first in a short transaction
/// of its own (<c>FOR UPDATE SKIP LOCKED</c>, then due again only after <see cref="ClaimLease"/>), so several instances
/// never send one mail at once and no transaction stays open while the mail server is talked to; each mail is then
/// marked sent, or scheduled again with a doubling wait. A mail server that is down delays mail, never an inbox entry.
/// </summary>
public sealed partial class MailSender(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    IOptions<MailOptions> options,
    GrantService.GrantServiceClient grants,
    NotificationMetrics metrics,
    TimeProvider clock,
    ILogger<MailSender> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>A round that found mail to send is a trace of its own, holding the calls it makes (Funding, the mail server).</summary>
    private static readonly ActivitySource Tracing = new(NotificationMetrics.MeterName);

    /// <summary>Longer than a batch can take (connect and send time out well before), short enough to retry soon after a crash.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

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
        var due = await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => ClaimAsync(db, ct), cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        using var round = Tracing.StartActivity("mail send");
        round?.SetTag("ki.mail.count", due.Count);
        var settings = options.Value;
        using var smtp = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
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
            var error = unreachable ?? await SendAsync(smtp, mail, settings.From, cancellationToken);
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

        // Not cancelled by a stop: what the mail server accepted is recorded, or sent again once the lease runs out.
        await db.SaveChangesAsync(CancellationToken.None);
        metrics.Delivered(NotificationMetrics.EmailChannel, due.Count(m => m.Status == MailStatus.Sent));
        foreach (var failed in due.Where(m => m.Status != MailStatus.Sent))
        {
            metrics.EmailFailed(final: failed.Status == MailStatus.Failed);
        }

        return due.Count;
    }

    private async Task<List<MailDelivery>> ClaimAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.MailDeliveries
            .FromSql($"SELECT * FROM mail_deliveries WHERE \"Status\" = 'Pending' AND \"NextAttemptAt\" <= {now} ORDER BY \"NextAttemptAt\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        foreach (var mail in due)
        {
            mail.Claim(now, ClaimLease);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }

    /// <returns>Null once the server accepted the mail; else why not.</returns>
    private async Task<string?> SendAsync(SmtpClient smtp, MailDelivery mail, string from, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = await MessageAsync(mail, from, cancellationToken);
        }
        catch (RpcException e)
        {
            return $"The notice of {mail.AttachedNoticeOf} could not be fetched from Funding: {e.StatusCode} {e.Status.Detail}";
        }

        try
        {
            await smtp.SendAsync(message, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private async Task<MimeMessage> MessageAsync(MailDelivery mail, string from, CancellationToken cancellationToken)
    {
        var body = new BodyBuilder { TextBody = mail.Body };
        if (mail.AttachedNoticeOf is { } grant)
        {
            // On the service's own account, which reads every notice; the caller's rights were checked when the grant was made.
            var notice = await grants.GetGrantNoticeAsync(new GetGrantNoticeRequest { Name = grant }, cancellationToken: cancellationToken);
            body.Attachments.Add(notice.FileName, notice.Content.ToByteArray(), ContentType.Parse(notice.ContentType));
        }

        var message = new MimeMessage { Subject = mail.Subject, Body = body.ToMessageBody() };
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
