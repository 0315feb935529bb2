using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KiPlatform.Rpc.Security;

/// <summary>
/// The bearer token a service sends when it calls another on its own account (role <see cref="Roles.Service"/>), from
/// a consumer or a scheduled job where no caller's token is at hand. In Development it is signed with the AppHost's
/// development key. With an OpenID Connect authority it would come from the authority's client-credentials grant,
/// which no deployment has configured yet: there the service sends none and the callee refuses (UNAUTHENTICATED).
/// </summary>
public sealed class ServiceCredentials(IOptions<PlatformAuthenticationOptions> options, IHostEnvironment environment, TimeProvider clock)
{
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

        var now = clock.GetUtcNow();
        if (_current is { } current && now < current.RenewAt)
        {
            return current.Header;
        }

        var subject = $"service-{environment.ApplicationName.Replace("KiPlatform.", "", StringComparison.Ordinal).ToLowerInvariant()}";
        var header = $"Bearer {DevelopmentTokens.Create(key, Roles.Service, ags: null, Lifetime, clock, subject)}";
        _current = new Token(header, now + Lifetime - RenewBefore);
        return header;
    }

    private sealed record Token(string Header, DateTimeOffset RenewAt);
}
