using System.ComponentModel.DataAnnotations;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>Settings of the application lifecycle (section "Applications"), validated at start-up.</summary>
public sealed class ApplicationsOptions
{
    public const string SectionName = "Applications";

    /// <summary>How often the applications-by-status gauge is recounted in the database.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StatusCountInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a watch stream looks for new steps when no wake-up reached it (Redis down, missed message).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
