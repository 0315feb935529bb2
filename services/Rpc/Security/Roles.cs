namespace KiPlatform.Rpc.Security;

/// <summary>Who calls the platform, as the "role" claim of the bearer token names them.</summary>
public static class Roles
{
    /// <summary>A Kreis or kreisfreie Stadt; its token carries an "ags" claim naming which one.</summary>
    public const string Municipality = "municipality";

    /// <summary>MAIS, the integration ministry (Ministerium für Arbeit, Integration und Soziales): funds the specialist posts.</summary>
    public const string Mais = "mais";

    /// <summary>MSW, the school ministry (Ministerium für Schule und Weiterbildung): allocates the teacher posts.</summary>
    public const string Msw = "msw";

    /// <summary>LaKI, the statewide coordinating office (Landesweite Koordinierungsstelle Kommunale Integrationszentren).</summary>
    public const string Laki = "laki";

    /// <summary>Platform operations.</summary>
    public const string Admin = "admin";

    /// <summary>
    /// Another KiPlatform service acting on its own account (a consumer, a scheduled job), not for a caller: it reads
    /// what every role reads, sees no personal data, and gives no command.
    /// </summary>
    public const string Service = "service";

    public static readonly IReadOnlyList<string> All = [Municipality, Mais, Msw, Laki, Admin, Service];

    /// <summary>Roles that act for the Land, not for one municipality: they see every municipality's data.</summary>
    public static readonly IReadOnlyList<string> Statewide = [Mais, Msw, Laki, Admin, Service];
}

/// <summary>The claim types the platform reads from a token.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>The Amtlicher Gemeindeschlüssel (official municipality key) of the municipality a token acts for.</summary>
    public const string Ags = "ags";
}
