using Aspire.Hosting.ApplicationModel;

namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>One service's database inside the local PostgreSQL server; its state follows the server's.</summary>
internal sealed class LocalPostgresDatabaseResource(string name, LocalServerResource server)
    : Resource(name), IResourceWithParent<LocalServerResource>, IResourceWithConnectionString
{
    public LocalServerResource Parent => server;

    public string DatabaseName => Name;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{server.ConnectionStringExpression};Database={DatabaseName}");
}
