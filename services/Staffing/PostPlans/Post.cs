namespace KiPlatform.Staffing.PostPlans;

/// <summary>A post (Stelle) in the post plan (Stellenplan) of one municipality's KI.</summary>
public sealed class Post
{
    public Guid Id { get; init; }

    /// <summary>The municipality whose KI has the post, by its AGS.</summary>
    public required string Ags { get; init; }

    public required PostCategory Category { get; init; }

    /// <summary>Size in thousandths of a full-time equivalent (1000 = 1.0 FTE).</summary>
    public required int FteMilli { get; init; }
}
