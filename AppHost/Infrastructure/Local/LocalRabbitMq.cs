using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace KiPlatform.AppHost.Infrastructure.Local;

internal static class LocalRabbitMq
{
    public static IResourceBuilder<LocalServerResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, LocalServerBinaries binaries, DataRoot root)
    {
        var secret = root.Credential(name);
        var password = builder.AddGeneratedPassword(root, name);
        var folder = root.Folder("rabbitmq");
        RabbitMqEnvironment.WriteFiles(folder, secret);

        var (epmd, epmdPort) = builder.AddLocalEpmd($"{name}-epmd", binaries, root);
        var distributionPort = FreePort.Next();

        var broker = builder.AddLocalServer(name, binaries.RabbitMqServer!, folder, ProtocolProbe.Amqp,
            endpoint => ReferenceExpression.Create(
                $"amqp://{RabbitMqEnvironment.UserName}:{password.Resource}@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"));
        foreach (var (variable, value) in RabbitMqEnvironment.Build(folder, broker.ServerPort(), distributionPort, epmdPort))
        {
            broker.WithEnvironment(context => context.EnvironmentVariables[variable] = value);
        }

        epmd.WithParentRelationship(broker);
        return broker.WaitFor(epmd);
    }

    /// <summary>
    /// The Erlang port mapper, run in the foreground as a resource of its own so it stops with the stack. Its port is
    /// fixed at start (not proxied): the broker must find it at a known address.
    /// </summary>
    private static (IResourceBuilder<LocalServerResource> Epmd, int Port) AddLocalEpmd(
        this IDistributedApplicationBuilder builder, string name, LocalServerBinaries binaries, DataRoot root)
    {
        var port = FreePort.Next();
        var epmd = builder.AddLocalServer(name, binaries.Epmd!, root.Path, ProtocolProbe.Epmd,
                endpoint => ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}"),
                fixedPort: port)
            .WithArgs("-port", port.ToString(CultureInfo.InvariantCulture), "-address", "127.0.0.1");
        return (epmd, port);
    }
}
