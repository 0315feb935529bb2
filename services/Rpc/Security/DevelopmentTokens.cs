using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KiPlatform.Rpc.Security;

/// <summary>
/// Tokens for local development and tests, signed with the key the AppHost generates (HS256). Production tokens come
/// from the OpenID Connect authority; services refuse this key outside Development.
/// </summary>
public static class DevelopmentTokens
{
    public const string Issuer = "https://ki-platform.local/development";
    public const string Audience = "ki-platform";
    public const int MinimumKeyLength = 32;

    public static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));

    /// <param name="ags">Required for (and only for) the municipality role.</param>
    public static string Create(string signingKey, string role, string? ags, TimeSpan lifetime, TimeProvider clock, string? subject = null)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; use one of {string.Join(", ", Roles.All)}.", nameof(role));
        }

        if ((role == Roles.Municipality) != !string.IsNullOrEmpty(ags))
        {
            throw new ArgumentException("A municipality token needs an AGS, and only a municipality token has one.", nameof(ags));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + lifetime;
        var claims = new Dictionary<string, object>
        {
            [PlatformClaims.Subject] = subject ?? (ags is null ? $"dev-{role}" : $"dev-{role}-{ags}"),
            [PlatformClaims.Role] = role,
        };
        if (ags is not null)
        {
            claims[PlatformClaims.Ags] = ags;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            // Valid from a minute ago (clocks differ a little), or from before its expiry when it is made already
            // expired (a negative lifetime, for trying the TOKEN_EXPIRED refusal): never valid from after it expires.
            NotBefore = (lifetime > TimeSpan.Zero ? now : expires).AddMinutes(-1),
            IssuedAt = lifetime > TimeSpan.Zero ? now : expires.AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(SigningKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
