using System.ComponentModel.DataAnnotations;

namespace KiPlatform.Funding.Grants;

/// <summary>Settings of the Funding service, section "Funding".</summary>
public sealed class FundingOptions
{
    public const string SectionName = "Funding";

    /// <summary>How often the issuer looks for grants waiting, besides being woken by a grant computed in this instance.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan IssueInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often notices whose time for legal remedy has passed are made final.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FinalityInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often due payments, tranches and proof-of-use deadlines are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often vacancy figures the Staffing service has not given yet, or that a staffing change made stale, are fetched.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan VacancyRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the committed euros, budget left and queued grants on the dashboard are counted again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MetricsInterval { get; set; } = TimeSpan.FromSeconds(30);
}
