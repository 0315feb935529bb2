using System.ComponentModel.DataAnnotations;

namespace KiPlatform.Notifications.Delivery;

/// <summary>How notices are mailed: where from, and how failures are retried. The server is ConnectionStrings:mail (smtp://host:port).</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "kommunale-integrationszentren@mais.nrw.example";

    /// <summary>How often the sender looks for mail that is due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed attempt; it doubles with each further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LongestWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one SMTP operation (connect, send) may take before the attempt counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed attempts a mail is marked failed and waits for an operator's resend.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;
}
