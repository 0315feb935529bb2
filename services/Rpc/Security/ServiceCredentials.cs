using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KiPlatform.Rpc.Security;

/// <summary>
/// The bearer token a service sends when it calls another on its own account (role <see cref="Roles.Service"/>), from
/// a consumer or a scheduled job where no caller's token is at hand. In Development it is signed with the AppHost's
/// development key. With an OpenID Connect authority it would come from the authority's client-credentials grant,
/// which no deployment has configured yet: there the service sends none and the callee refuses (UNAUTHENTICATED).
/// </summary>
/// <remarks>
/// The token is dated by the wall clock, never the service's injectable one: another process checks it against its own
/// clock, so a service whose business time is moved (in tests) must still send a token valid now.
/// </remarks>
public sealed class ServiceCredentials(IOptions<PlatformAuthenticationOptions> options, IHostEnvironment environment)
{
    private static readonly TimeProvider WallClock = TimeProvider.System;

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private volatile Token? _current;

    /// <summary>The value of the authorization header, or null when this service has no credentials of its own.</summary>
    public string? Authorization()
    {
        if (options.Value.DevelopmentSigningKey is not { Length: > 0 } key)
        {
            return null;
        }

        var now = WallClock.GetUtcNow();
        if (_current is { } current && now < current.RenewAt)
        {
            return current.Header;
        }

        var subject = $"service-{environment.ApplicationName.Replace("KiPlatform.", "", StringComparison.Ordinal).ToLowerInvariant()}";
        var header = $"Bearer {DevelopmentTokens.Create(key, Roles.Service, ags: null, Lifetime, WallClock, subject)}";
        _current = new Token(header, now + Lifetime - RenewBefore);
        return header;
    }

    private sealed record Token(string Header, DateTimeOffset RenewAt);
}
