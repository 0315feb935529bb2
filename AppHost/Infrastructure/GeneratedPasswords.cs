using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace KiPlatform.AppHost.Infrastructure;

internal static class GeneratedPasswords
{
    /// <summary>
    /// A secret parameter "{name}-password" whose value is generated once and kept in the data root beside the server's
    /// data, so the dashboard masks it and a restarted server is opened with the password it was initialised with.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedPassword(this IDistributedApplicationBuilder builder, DataRoot root, string name) =>
        builder.AddParameter($"{name}-password", root.Credential(name), secret: true);
}
