using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KiPlatform.Rpc.Security;

/// <summary>Where bearer tokens come from; section "Authentication", validated at start-up.</summary>
public sealed class PlatformAuthenticationOptions
{
    public const string SectionName = "Authentication";

    /// <summary>The OpenID Connect authority that issues tokens in production, e.g. https://login.nrw.example/realms/ki.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The audience every token must name.</summary>
    public string Audience { get; set; } = DevelopmentTokens.Audience;

    /// <summary>
    /// Development only: the shared key the AppHost generates and hands to every service, with which
    /// <see cref="DevelopmentTokens"/> signs tokens for any role.
    /// </summary>
    public string? DevelopmentSigningKey { get; set; }
}

internal sealed class PlatformAuthenticationOptionsValidator(IHostEnvironment environment) : IValidateOptions<PlatformAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformAuthenticationOptions options)
    {
        var hasKey = !string.IsNullOrEmpty(options.DevelopmentSigningKey);
        if (options.Authority is null && !hasKey)
        {
            return ValidateOptionsResult.Fail(
                "Authentication:Authority (the OpenID Connect issuer) must be set; in Development the AppHost sets Authentication:DevelopmentSigningKey instead.");
        }

        if (options.Authority is not null && hasKey)
        {
            return ValidateOptionsResult.Fail("Set either Authentication:Authority or Authentication:DevelopmentSigningKey, not both.");
        }

        if (hasKey && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail("Authentication:DevelopmentSigningKey is refused outside the Development environment; configure Authentication:Authority.");
        }

        if (hasKey && options.DevelopmentSigningKey!.Length < DevelopmentTokens.MinimumKeyLength)
        {
            return ValidateOptionsResult.Fail($"Authentication:DevelopmentSigningKey must be at least {DevelopmentTokens.MinimumKeyLength} characters.");
        }

        return string.IsNullOrWhiteSpace(options.Audience)
            ? ValidateOptionsResult.Fail("Authentication:Audience must not be empty.")
            : ValidateOptionsResult.Success;
    }
}
