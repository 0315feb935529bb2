using KiPlatform.Notifications.Delivery;

namespace KiPlatform.Services.Tests.Notifications;

public sealed class MailDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Failed_attempts_wait_5_10_20_seconds_capped_at_15_and_the_fourth_failure_of_four_gives_up_keeping_the_last_error()
    {
        var mail = MailDelivery.For(Guid.NewGuid(), "laki", "laki@example.nrw.de", "Betreff", "Text", null, Now);
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            mail.AttemptFailed($"refused {attempt}", Now, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), maxAttempts: 4);
            waits.Add(mail.NextAttemptAt - Now);
        }

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15)], waits);
        Assert.Equal(MailStatus.Pending, mail.Status);
        mail.AttemptFailed("refused 4", Now, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), maxAttempts: 4);
        Assert.Equal((MailStatus.Failed, 4, "refused 4"), (mail.Status, mail.Attempts, mail.LastError));
    }

    [Fact]
    public void A_resent_mail_is_due_at_once_and_once_sent_has_no_error()
    {
        var mail = MailDelivery.For(Guid.NewGuid(), "laki", "laki@example.nrw.de", "Betreff", "Text", null, Now);
        mail.AttemptFailed("down", Now, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), maxAttempts: 1);

        mail.Resend(Now.AddHours(1));
        mail.Sent(Now.AddHours(1));

        Assert.Equal((MailStatus.Sent, (DateTimeOffset?)Now.AddHours(1), (string?)null), (mail.Status, mail.SentAt, mail.LastError));
    }
}
