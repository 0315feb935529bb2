using System.ComponentModel.DataAnnotations;

namespace KiPlatform.Messaging;

/// <summary>Tuning of the outbox dispatcher and of consumer retries; section "Messaging", validated at start-up.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// What the service's queues are named after; by default the service (KiPlatform.Staffing: "Staffing"), so every
    /// instance of one service shares its queues. Tests that run isolated copies of a service on one broker set their own.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9-]{1,60}$")]
    public string? QueuePrefix { get; set; }

    /// <summary>How many outbox rows one dispatcher claims and publishes per database transaction.</summary>
    [Range(1, 2000)]
    public int DispatchBatchSize { get; set; } = 250;

    /// <summary>
    /// Safety net behind the commit notification: the dispatcher also looks for pending rows this often, which covers
    /// rows whose notification it missed (while it reconnected, or during a crash) and rows waiting for a retry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan DispatchPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the dispatcher lingers after a commit signal before it claims, so the commits of that moment share one
    /// batch: each dispatch round costs a database transaction and a round of broker confirms, whatever its size.
    /// None by default: what commits while one round runs already gathers for the next (<see cref="DispatchConcurrency"/>),
    /// and lingering only delays a lone event (figures in docs/benchmarks.md).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan DispatchCoalescingDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Dispatch rounds one instance runs at once. While one round waits for its broker confirms and commits, the next
    /// claims the rows committed meanwhile; each skips the rows another holds, so none is published twice.
    /// </summary>
    [Range(1, 16)]
    public int DispatchConcurrency { get; set; } = 2;

    /// <summary>How long one publish may wait for the broker's confirm before the row is retried later.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Upper bound of the back-off between publish attempts of one row.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxPublishBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long sent outbox rows and processed-message records are kept (for audit and late redeliveries).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Messages a consumer endpoint fetches ahead and handles at once. What they insert commits in groups
    /// (<see cref="ConsumerCommitGroupLimit"/>), and the more are in flight the larger a group grows under load, so a
    /// consumer keeps pace with bursts (docs/benchmarks.md). A message waiting for its group holds no database connection.
    /// </summary>
    [Range(1, 1000)]
    public int ConsumerConcurrency { get; set; } = 128;

    /// <summary>
    /// How many handled messages of one service may commit their effects in one transaction: a consumer otherwise pays a
    /// commit per message, which caps its throughput (docs/benchmarks.md). 1 commits each message alone.
    /// </summary>
    [Range(1, 1000)]
    public int ConsumerCommitGroupLimit { get; set; } = 64;

    /// <summary>Attempts a consumer gets for one message before it goes to the error queue.</summary>
    [Range(0, 20)]
    public int ConsumeRetryLimit { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ConsumeRetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ConsumeRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);
}
