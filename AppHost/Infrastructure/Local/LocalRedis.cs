using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace KiPlatform.AppHost.Infrastructure.Local;

internal static class LocalRedis
{
    public static IResourceBuilder<LocalServerResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, LocalServerBinaries binaries, DataRoot root)
    {
        var secret = root.Credential(name);
        var password = builder.AddGeneratedPassword(root, name);
        var configurationFile = RedisConfiguration.Write(root, secret);
        var server = builder.AddLocalServer(name, binaries.RedisServer!, root.Path, ProtocolProbe.Redis,
            endpoint => ReferenceExpression.Create(
                $"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)},password={password.Resource}"));
        return server.WithArgs(configurationFile, "--port", server.ServerPort());
    }
}
