using KiPlatform.Rpc.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace KiPlatform.Rpc.Tests;

/// <summary>A valid token is checked once and then remembered, never past its expiry or the cache's maximum age; an invalid one never.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly string Key = new('k', 64);

    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = DevelopmentTokens.Issuer,
        ValidAudience = DevelopmentTokens.Audience,
        IssuerSigningKey = DevelopmentTokens.SigningKey(Key),
        RoleClaimType = PlatformClaims.Role,
    };

    private readonly CountingHandler _inner = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_valid_token_is_validated_once_and_each_caller_gets_its_own_identity()
    {
        using var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Token(TimeSpan.FromHours(1));

        var first = await cache.ValidateTokenAsync(token, Parameters);
        var second = await cache.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Validations);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.True(second.ClaimsIdentity.HasClaim(PlatformClaims.Role, Roles.Mais));
        Assert.Equal(first.SecurityToken.ValidTo, second.SecurityToken.ValidTo);
    }

    [Fact]
    public async Task An_invalid_token_is_checked_every_time()
    {
        using var cache = new ValidatedTokenCache(_inner, _clock);
        var forged = DevelopmentTokens.Create(new string('x', 64), Roles.Admin, null, TimeSpan.FromHours(1), TimeProvider.System);

        var first = await cache.ValidateTokenAsync(forged, Parameters);
        var second = await cache.ValidateTokenAsync(forged, Parameters);

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_once_it_has_expired()
    {
        using var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Token(TimeSpan.FromSeconds(20));
        await cache.ValidateTokenAsync(token, Parameters);

        _clock.Advance(TimeSpan.FromSeconds(25));
        await cache.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_after_the_maximum_age()
    {
        using var cache = new ValidatedTokenCache(_inner, _clock);
        var token = Token(TimeSpan.FromHours(1));
        await cache.ValidateTokenAsync(token, Parameters);

        _clock.Advance(ValidatedTokenCache.MaximumAge - TimeSpan.FromSeconds(1));
        await cache.ValidateTokenAsync(token, Parameters);
        Assert.Equal(1, _inner.Validations);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await cache.ValidateTokenAsync(token, Parameters);
        Assert.Equal(2, _inner.Validations);
    }

    private string Token(TimeSpan lifetime) => DevelopmentTokens.Create(Key, Roles.Mais, null, lifetime, _clock);

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

        public int Validations { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Validations++;
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }
}
