using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using KiPlatform.AppHost.Infrastructure.Local;

namespace KiPlatform.AppHost.Infrastructure;

internal static class PlatformInfrastructureBuilder
{
    /// <summary>
    /// Adds PostgreSQL (one database per name in <paramref name="databases"/>), RabbitMQ and Redis as containers or as
    /// local server binaries, as Infrastructure:Mode decides. Throws <see cref="InfrastructureUnavailableException"/>
    /// with what to install when neither can run.
    /// </summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(this IDistributedApplicationBuilder builder, params string[] databases)
    {
        var options = InfrastructureOptions.From(builder.Configuration, builder.AppHostDirectory);
        var binaries = LocalServerBinaries.Locate();
        // What is published is the graph a deployment runs: containers, whatever this machine could start.
        var mode = builder.ExecutionContext.IsPublishMode
            ? InfrastructureMode.Containers
            : InfrastructureModeDecision.Decide(options.Mode, ContainerRuntime.Answers, binaries);
        var root = new DataRoot(options.DataRoot);
        return mode == InfrastructureMode.Containers
            ? AddContainers(builder, root, databases)
            : AddLocalServers(builder, root, binaries, databases);
    }

    /// <remarks>
    /// Data lives in named volumes, which the container engine creates owned by the image's own user: a bind-mounted host
    /// folder is owned by someone else, and the images (which run as their own users) then fail their first start
    /// (microsoft/aspire issues 6997, 4956, and 14342 for Podman). The images are the tags the integrations pin.
    /// </remarks>
    private static PlatformInfrastructure AddContainers(IDistributedApplicationBuilder builder, DataRoot root, string[] databases)
    {
        var postgres = builder.AddPostgres(PlatformInfrastructure.PostgresName,
                password: builder.AddGeneratedPassword(root, PlatformInfrastructure.PostgresName))
            .WithDataVolume();
        var messaging = builder.AddRabbitMQ(PlatformInfrastructure.MessagingName,
                password: builder.AddGeneratedPassword(root, PlatformInfrastructure.MessagingName))
            .WithDataVolume();
        var cache = builder.AddRedis(PlatformInfrastructure.CacheName,
                password: builder.AddGeneratedPassword(root, PlatformInfrastructure.CacheName))
            .WithDataVolume();
        return new PlatformInfrastructure(
            InfrastructureMode.Containers,
            root,
            databases.ToDictionary(name => name, IResourceBuilder<IResourceWithConnectionString> (name) => postgres.AddDatabase(name)),
            messaging,
            cache);
    }

    private static PlatformInfrastructure AddLocalServers(IDistributedApplicationBuilder builder, DataRoot root, LocalServerBinaries binaries, string[] databases)
    {
        var postgres = builder.AddLocalPostgres(PlatformInfrastructure.PostgresName, binaries, root);
        return new PlatformInfrastructure(
            InfrastructureMode.Local,
            root,
            databases.ToDictionary(name => name, IResourceBuilder<IResourceWithConnectionString> (name) => postgres.AddDatabase(name)),
            builder.AddLocalRabbitMq(PlatformInfrastructure.MessagingName, binaries, root),
            builder.AddLocalRedis(PlatformInfrastructure.CacheName, binaries, root));
    }

    /// <summary>Gives a service its own database, and starts it only once the database is healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure, string database) =>
        service.WithReference(infrastructure.Databases[database]).WaitFor(infrastructure.Databases[database]);

    /// <summary>Gives a service the event bus, for a service that publishes or consumes events.</summary>
    public static IResourceBuilder<ProjectResource> WithMessaging(this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure) =>
        service.WithReference(infrastructure.Messaging).WaitFor(infrastructure.Messaging);

    /// <summary>Gives a service the cache, for a service that keeps hot reads in Redis.</summary>
    public static IResourceBuilder<ProjectResource> WithCache(this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure) =>
        service.WithReference(infrastructure.Cache).WaitFor(infrastructure.Cache);
}
