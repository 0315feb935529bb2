using Microsoft.Extensions.Configuration;
using KiPlatform.AppHost.Infrastructure;
using KiPlatform.AppHost.Mail;
using KiPlatform.AppHost.Operations;
using KiPlatform.AppHost.Security;
using KiPlatform.AppHost.Telemetry;

var builder = DistributedApplication.CreateBuilder(args);

PlatformInfrastructure infrastructure;
try
{
    infrastructure = builder.AddPlatformInfrastructure("applicationsdb", "staffingdb", "fundingdb", "notificationsdb");
}
catch (InfrastructureUnavailableException e)
{
    await Console.Error.WriteLineAsync($"KiPlatform cannot start its infrastructure: {e.Message}");
    return 2;
}

var mail = builder.AddDevelopmentMailServer("mail", infrastructure.DataRoot);

// Integration tests and benchmarks need the servers (the mail server among them), not the services.
if (builder.Configuration.GetValue<bool>("AppHost:InfrastructureOnly"))
{
    await builder.Build().RunAsync();
    return 0;
}
var secrets = DevelopmentSecrets.Add(builder, infrastructure.DataRoot);

// Each service references, and waits for, exactly what it uses.
var applications = AddService<Projects.KiPlatform_Applications>("applications", "applicationsdb")
    .WithMessaging(infrastructure)
    .WithCache(infrastructure);
// Funding waits for Applications: it reads each grant's addressee there, and the period copy Applications keeps is fed
// by the events Funding publishes at its start, which need Applications' queue in place.
var funding = AddService<Projects.KiPlatform_Funding>("funding", "fundingdb")
    .WithMessaging(infrastructure)
    .WithCache(infrastructure)
    .WithReference(applications).WaitFor(applications);
var staffing = AddService<Projects.KiPlatform_Staffing>("staffing", "staffingdb")
    .WithMessaging(infrastructure)
    .WithCache(infrastructure)
    .WithReference(applications).WaitFor(applications)
    .WithReference(funding).WaitFor(funding);
// Funding reads what stands vacant from Staffing, asked for when needed and retried until answered, so it does not wait
// for Staffing (which waits for Funding).
funding.WithReference(staffing);
// Notifications does not wait for Applications or Funding: its queues must be in place before Applications announces the
// register it seeds at its first start. The names it asks Applications for, and the notices it fetches from Funding to
// mail, are asked for when needed and retried until answered.
var notifications = AddService<Projects.KiPlatform_Notifications>("notifications", "notificationsdb")
    .WithMessaging(infrastructure)
    .WithCache(infrastructure)
    .WithReference(applications)
    .WithReference(funding)
    .WithResendFailedMailsCommand(secrets)
    .WithReference(mail).WaitFor(mail);
applications.WithSeedFirstWaveCommand(secrets, staffing, funding, notifications);

await builder.Build().RunAsync();
return 0;

// Every service: its own database, the development secrets, trace sampling, and readiness from its /health.
// Each listens on its own ports (appsettings.json) itself: a development proxy in front would cost every call a hop.
#pragma warning disable ASPIRECERTIFICATES001 // WithoutHttpsCertificate is experimental in 13.6: the one call to revisit.
IResourceBuilder<ProjectResource> AddService<TProject>(string name, string database) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithEndpoint("http", endpoint => endpoint.IsProxied = false, createIfNotExists: false)
        .WithEndpoint("health", endpoint => endpoint.IsProxied = false, createIfNotExists: false)
        .WithDatabase(infrastructure, database)
        .WithDevelopmentSecrets(secrets)
        .WithTraceSampling(builder.Configuration)
        // The services speak plain h2c (TLS ends at the ingress in a deployment), so they need no development
        // certificate; without this Aspire looks for a trusted one and puts an error banner on every dashboard page.
        .WithoutHttpsCertificate()
        .WithHttpHealthCheck("/health", endpointName: "health");
#pragma warning restore ASPIRECERTIFICATES001
