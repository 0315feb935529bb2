using System.ComponentModel.DataAnnotations;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>Settings of the Staffing service, section "Staffing".</summary>
public sealed class StaffingOptions
{
    public const string SectionName = "Staffing";

    /// <summary>ListLongVacancies lists posts vacant for at least this many whole months when the caller names none.</summary>
    [Range(1, 120)]
    public int LongVacancyMonths { get; set; } = 6;

    /// <summary>How often the filled and vacant FTE on the dashboard are counted again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FillCountInterval { get; set; } = TimeSpan.FromSeconds(30);
}
