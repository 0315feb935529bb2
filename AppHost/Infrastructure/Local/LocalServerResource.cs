using Aspire.Hosting.ApplicationModel;

namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>
/// A server binary of this machine run as an Aspire executable, with one TCP endpoint and a connection string under the
/// same name the container resource would have, so services cannot tell the modes apart.
/// </summary>
internal sealed class LocalServerResource(string name, string command, string workingDirectory, Func<EndpointReference, ReferenceExpression> connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => connectionString(Endpoint);
}
