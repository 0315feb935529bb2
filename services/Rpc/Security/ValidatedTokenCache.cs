using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace KiPlatform.Rpc.Security;

/// <summary>
/// Remembers for a short while that a bearer token was valid, so a client calling many times with one token pays for
/// its signature check and claim parsing once, not on every call (on a cached read that was a fifth of the work).
/// Only successful validations are remembered, each at most until the token expires and never longer than
/// <see cref="MaximumAge"/>, so a signing key the authority withdraws stops being accepted within that time.
/// Neither Microsoft.IdentityModel nor any other library served here caches validation results, hence this wrapper.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider clock) : TokenHandler, IDisposable
{
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(1);

    /// <summary>Bounds the memory: distinct valid tokens seen within <see cref="MaximumAge"/>, far more than real clients hold.</summary>
    public const int Capacity = 10_000;

    private readonly MemoryCache _validated = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_validated.TryGetValue(token, out Validated? hit) && hit!.Until > now)
        {
            return hit.Result();
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.ClaimsIdentity is { } identity && result.SecurityToken is { } securityToken)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(securityToken.ValidTo, DateTimeKind.Utc));
            var until = expires < now + MaximumAge ? expires : now + MaximumAge;
            if (until > now)
            {
                _validated.Set(token, new Validated(identity.Clone(), securityToken, until), new MemoryCacheEntryOptions
                {
                    Size = 1,
                    AbsoluteExpirationRelativeToNow = until - now,
                });
            }
        }

        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public void Dispose() => _validated.Dispose();

    private sealed record Validated(ClaimsIdentity Identity, SecurityToken Token, DateTimeOffset Until)
    {
        // Each request gets its own identity: claims transformations may add to it, and must not add to the next caller's.
        public TokenValidationResult Result() => new() { IsValid = true, ClaimsIdentity = Identity.Clone(), SecurityToken = Token };
    }
}
