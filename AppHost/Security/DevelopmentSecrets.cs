using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using KiPlatform.AppHost.Infrastructure;

namespace KiPlatform.AppHost.Security;

/// <summary>
/// Secrets the services share in development, generated once and kept in the data root's credentials folder: the key
/// that signs development bearer tokens (scripts/dev-token.sh reads it from there) and the key that signs page tokens.
/// </summary>
internal sealed record DevelopmentSecrets(IResourceBuilder<ParameterResource> TokenSigningKey, IResourceBuilder<ParameterResource> PageTokenKey)
{
    public const string TokenSigningKeyName = "token-signing-key";
    public const string PageTokenKeyName = "page-token-key";

    /// <summary>The key development tokens are signed with, as the services are given it.</summary>
    public async Task<string> TokenSigningKeyAsync(CancellationToken cancellationToken) =>
        await TokenSigningKey.Resource.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException("The development signing key is not set.");

    public static DevelopmentSecrets Add(IDistributedApplicationBuilder builder, DataRoot root) => new(
        builder.AddParameter(TokenSigningKeyName, root.Credential(TokenSigningKeyName, 64), secret: true),
        builder.AddParameter(PageTokenKeyName, root.Credential(PageTokenKeyName, 64), secret: true));
}

internal static class DevelopmentSecretsExtensions
{
    /// <summary>
    /// The AppHost runs the platform for development: services run as Development (which is also the only environment
    /// in which they accept the development signing key) with the shared development secrets.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDevelopmentSecrets(this IResourceBuilder<ProjectResource> service, DevelopmentSecrets secrets) =>
        service
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("Authentication__DevelopmentSigningKey", secrets.TokenSigningKey)
            .WithEnvironment("Paging__TokenKey", secrets.PageTokenKey);
}
