using System.ComponentModel.DataAnnotations;

namespace KiPlatform.Notifications.Inbox;

/// <summary>How the live inbox streams behave.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>How long a live stream waits for a wake-up before it looks anyway: the most an item is late when Redis is down.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
