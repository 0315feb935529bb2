using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace KiPlatform.AppHost.Infrastructure;

/// <summary>The servers every service uses, whichever way they run.</summary>
internal sealed record PlatformInfrastructure(
    InfrastructureMode Mode,
    DataRoot DataRoot,
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IResourceBuilder<IResourceWithConnectionString> Cache)
{
    public const string PostgresName = "postgres";
    public const string MessagingName = "messaging";
    public const string CacheName = "cache";
}
