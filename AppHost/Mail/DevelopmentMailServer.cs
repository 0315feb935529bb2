using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using KiPlatform.AppHost.Infrastructure;

namespace KiPlatform.AppHost.Mail;

internal static class DevelopmentMailServer
{
    /// <summary>
    /// Runs smtp4dev from the repository's dotnet tool manifest (.config/dotnet-tools.json), so it works the same with
    /// or without a container runtime. Its messages are kept under the data root.
    /// </summary>
    public static IResourceBuilder<DevelopmentMailServerResource> AddDevelopmentMailServer(
        this IDistributedApplicationBuilder builder, string name, DataRoot root)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var folder = root.Folder("mail");
        var server = builder.AddResource(new DevelopmentMailServerResource(name, repositoryRoot))
            .WithHttpEndpoint(name: DevelopmentMailServerResource.WebEndpointName)
            .WithEndpoint(name: DevelopmentMailServerResource.SmtpEndpointName, scheme: "tcp");
        var web = server.Resource.GetEndpoint(DevelopmentMailServerResource.WebEndpointName);
        var smtp = server.Resource.Smtp;
        return server
            .WithArgs(
                "tool", "run", "smtp4dev", "--",
                ReferenceExpression.Create($"--urls=http://127.0.0.1:{web.Property(EndpointProperty.TargetPort)}"),
                ReferenceExpression.Create($"--smtpport={smtp.Property(EndpointProperty.TargetPort)}"),
                "--bindaddress=127.0.0.1",
                "--imapport=",
                "--pop3port=",
                "--nousersettings",
                // smtp4dev keeps 100 messages per mailbox by default; the first wave alone mails about 150.
                "--messagestokeep=10000",
                $"--baseappdatapath={folder}",
                $"--db={Path.Combine(folder, "smtp4dev.db")}")
            .WithHttpHealthCheck("/", endpointName: DevelopmentMailServerResource.WebEndpointName);
    }
}
