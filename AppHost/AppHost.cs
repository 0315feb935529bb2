using Microsoft.Extensions.Configuration;
using KiPlatform.AppHost.Infrastructure;
using KiPlatform.AppHost.Mail;
using KiPlatform.AppHost.Security;

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

// Integration tests and benchmarks need the servers, not the services.
if (builder.Configuration.GetValue<bool>("AppHost:InfrastructureOnly"))
{
    await builder.Build().RunAsync();
    return 0;
}

var mail = builder.AddDevelopmentMailServer("mail", infrastructure.DataRoot);
var secrets = DevelopmentSecrets.Add(builder, infrastructure.DataRoot);

var applications = builder.AddProject<Projects.KiPlatform_Applications>("applications")
    .WithPlatformInfrastructure(infrastructure, "applicationsdb")
    .WithDevelopmentSecrets(secrets)
    .WithHttpHealthCheck("/health", endpointName: "health");

builder.AddProject<Projects.KiPlatform_Staffing>("staffing")
    .WithPlatformInfrastructure(infrastructure, "staffingdb")
    .WithDevelopmentSecrets(secrets)
    .WithReference(applications).WaitFor(applications)
    .WithHttpHealthCheck("/health", endpointName: "health");

builder.AddProject<Projects.KiPlatform_Funding>("funding")
    .WithPlatformInfrastructure(infrastructure, "fundingdb")
    .WithDevelopmentSecrets(secrets)
    .WithHttpHealthCheck("/health", endpointName: "health");

builder.AddProject<Projects.KiPlatform_Notifications>("notifications")
    .WithPlatformInfrastructure(infrastructure, "notificationsdb")
    .WithDevelopmentSecrets(secrets)
    .WithReference(mail).WaitFor(mail)
    .WithHttpHealthCheck("/health", endpointName: "health");

await builder.Build().RunAsync();
return 0;
