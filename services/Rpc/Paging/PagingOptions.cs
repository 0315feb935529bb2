using System.ComponentModel.DataAnnotations;

namespace KiPlatform.Rpc.Paging;

/// <summary>Section "Paging", validated at start-up.</summary>
public sealed class PagingOptions
{
    public const string SectionName = "Paging";

    /// <summary>
    /// Secret that signs page tokens, the same for every instance of a service so any of them continues a listing. The
    /// AppHost generates one in development.
    /// </summary>
    [Required]
    [MinLength(32)]
    public string TokenKey { get; set; } = "";

    /// <summary>How long a page token stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);
}
