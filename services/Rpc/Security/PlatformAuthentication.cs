using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KiPlatform.Rpc.Security;

public static class PlatformAuthentication
{
    /// <summary>
    /// JWT bearer authentication: tokens from the configured OpenID Connect authority, or in Development signed with the
    /// AppHost's key. Authorization itself is the <see cref="AuthorizationInterceptor"/>'s job.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlatformAuthenticationOptions>()
            .BindConfiguration(PlatformAuthenticationOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PlatformAuthenticationOptions>, PlatformAuthenticationOptionsValidator>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<PlatformAuthenticationOptions>, TimeProvider>((jwt, platform, clock) =>
            {
                var settings = platform.Value;
                jwt.MapInboundClaims = false;
                // Nothing reads the token back from the authentication properties (calls on to other services forward
                // the Authorization header itself), so each call need not copy it there.
                jwt.SaveToken = false;
                jwt.TokenValidationParameters.NameClaimType = PlatformClaims.Subject;
                jwt.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
                jwt.TokenValidationParameters.ValidAudience = settings.Audience;
                jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                if (settings.Authority is not null)
                {
                    jwt.Authority = settings.Authority.ToString();
                }
                else if (settings.DevelopmentSigningKey is { } key)
                {
                    jwt.TokenValidationParameters.ValidIssuer = DevelopmentTokens.Issuer;
                    jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.SigningKey(key);
                }

                // After MapInboundClaims, which configures the handlers being wrapped.
                var handlers = jwt.TokenHandlers.Select(handler => new ValidatedTokenCache(handler, clock)).ToList();
                jwt.TokenHandlers.Clear();
                handlers.ForEach(jwt.TokenHandlers.Add);
            });
        return builder;
    }
}
