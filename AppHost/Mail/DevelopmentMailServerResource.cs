using Aspire.Hosting.ApplicationModel;

namespace KiPlatform.AppHost.Mail;

/// <summary>
/// smtp4dev, the development mail server: it accepts every message and shows it in a web inbox, and never delivers
/// anything. Its connection string is <c>smtp://host:port</c>.
/// </summary>
internal sealed class DevelopmentMailServerResource(string name, string workingDirectory)
    : ExecutableResource(name, "dotnet", workingDirectory), IResourceWithConnectionString
{
    public const string SmtpEndpointName = "smtp";
    public const string WebEndpointName = "http";

    public EndpointReference Smtp => new(this, SmtpEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"smtp://{Smtp.Property(EndpointProperty.Host)}:{Smtp.Property(EndpointProperty.Port)}");
}
