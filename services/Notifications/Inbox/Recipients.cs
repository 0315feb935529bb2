namespace KiPlatform.Notifications.Inbox;

/// <summary>The recipients every process step may concern, besides the municipalities themselves.</summary>
public static class Recipients
{
    /// <summary>LaKI: Landesweite Koordinierungsstelle, the statewide coordinating office of all KIs.</summary>
    public const string StatewideCoordination = "laki";
    public const string Mais = "mais";
    public const string Msw = "msw";
}
