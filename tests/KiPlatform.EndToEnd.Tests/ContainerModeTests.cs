using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.EndToEnd.Tests;

/// <summary>
/// Container mode, the default wherever docker or podman answers, checked on a machine without a container engine: the
/// AppHost's model as a deployment sees it (publish mode builds it in container mode without starting anything), and
/// the manifest the AppHost publishes from it.
/// </summary>
public sealed class ContainerModeTests
{
    private static readonly string[] Servers = ["postgres", "messaging", "cache"];

    /// <summary>What each service references and waits for: exactly what it uses, named as in local mode.</summary>
    private static readonly Dictionary<string, string[]> Uses = new()
    {
        ["applications"] = ["applicationsdb", "messaging", "cache"],
        ["staffing"] = ["staffingdb", "messaging", "cache", "applications", "funding"],
        ["funding"] = ["fundingdb", "messaging", "cache", "applications", "staffing"],
        ["notifications"] = ["notificationsdb", "messaging", "cache", "mail", "applications", "funding"],
    };

    /// <summary>
    /// What a service references but does not wait for: Notifications' queues must be in place before Applications
    /// announces the register it seeds at its first start (and Funding waits for Applications); Staffing waits for
    /// Funding, so Funding, which asks Staffing for vacancy when it needs it, cannot wait for Staffing.
    /// </summary>
    private static readonly Dictionary<string, string[]> NotAwaited = new() { ["notifications"] = ["applications", "funding"], ["funding"] = ["staffing"] };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_servers_are_containers_with_named_volumes_pinned_images_health_checks_and_generated_passwords()
    {
        var model = await ContainerModelAsync();

        Assert.All(Servers, name =>
        {
            var server = Assert.IsAssignableFrom<ContainerResource>(model.Resources.Single(r => r.Name == name));
            var data = Assert.Single(server.Annotations.OfType<ContainerMountAnnotation>());
            Assert.Equal(ContainerMountType.Volume, data.Type);
            Assert.True(server.TryGetLastAnnotation<ContainerImageAnnotation>(out var image));
            Assert.False(string.IsNullOrEmpty(image.Tag) || image.Tag == "latest", $"{name} runs {image.Image}:{image.Tag}");
            Assert.NotEmpty(server.Annotations.OfType<HealthCheckAnnotation>());
            var password = Assert.IsType<ParameterResource>(model.Resources.Single(r => r.Name == $"{name}-password"));
            Assert.True(password.Secret);
        });
    }

    [Fact]
    public async Task Every_service_has_its_own_database_and_references_and_waits_for_exactly_what_it_uses_but_for_named_exceptions()
    {
        var model = await ContainerModelAsync();

        var databases = model.Resources.OfType<PostgresDatabaseResource>().ToList();
        Assert.Equal(["applicationsdb", "fundingdb", "notificationsdb", "staffingdb"], databases.Select(d => d.Name).Order());
        Assert.All(databases, database => Assert.Equal("postgres", database.Parent.Name));
        foreach (var (service, uses) in Uses)
        {
            var project = model.Resources.OfType<ProjectResource>().Single(p => p.Name == service);
            // Parameters (the development secrets) are settings, not resources a service uses.
            var references = project.Annotations.OfType<ResourceRelationshipAnnotation>()
                .Where(r => r.Type == "Reference" && r.Resource is not ParameterResource).Select(r => r.Resource.Name);
            var waits = project.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name);
            Assert.Equal(uses.Order(), references.Distinct().Order());
            // Waiting for a database waits for its server too.
            Assert.Equal(uses.Except(NotAwaited.GetValueOrDefault(service, [])).Append("postgres").Order(), waits.Distinct().Order());
        }
    }

    [Fact]
    public async Task The_published_manifest_holds_the_same_graph()
    {
        var output = Directory.CreateTempSubdirectory("ki-manifest-").FullName;
        try
        {
            await PublishManifestAsync(output);
            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json"), Ct));
            var resources = manifest.RootElement.GetProperty("resources");

            Assert.All(Servers, name =>
            {
                var server = resources.GetProperty(name);
                Assert.StartsWith("container.", server.GetProperty("type").GetString(), StringComparison.Ordinal);
                Assert.False(server.TryGetProperty("bindMounts", out _), $"{name} has bind mounts");
                Assert.Single(server.GetProperty("volumes").EnumerateArray());
                Assert.DoesNotMatch(":latest$", server.GetProperty("image").GetString());
            });
            foreach (var (service, uses) in Uses)
            {
                var environment = resources.GetProperty(service).GetProperty("env").EnumerateObject().Select(e => e.Name).ToList();
                var connections = environment.Where(e => e.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).Select(e => e["ConnectionStrings__".Length..]);
                var calls = environment.Where(e => e.StartsWith("services__", StringComparison.Ordinal)).Select(e => e.Split("__")[1]).Distinct();
                Assert.Equal(uses.Order(), connections.Concat(calls).Order());
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The AppHost's model in publish mode: container mode, built but not started.</summary>
    private static async Task<DistributedApplicationModel> ContainerModelAsync()
    {
        var dataRoot = Directory.CreateTempSubdirectory("ki-containers-").FullName;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.KiPlatform_AppHost>(
            ["--operation", "publish", "--publisher", "manifest", $"--Infrastructure:DataRoot={dataRoot}"], Ct);
        await using var app = await builder.BuildAsync(Ct);
        return app.Services.GetRequiredService<DistributedApplicationModel>();
    }

    /// <summary>Runs the built AppHost as a deployment tool would: <c>--publisher manifest --output-path</c>.</summary>
    private static async Task PublishManifestAsync(string output)
    {
        var configuration = typeof(ContainerModeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Projects.KiPlatform_AppHost.ProjectPath;
        var projectDirectory = project.EndsWith(".csproj", StringComparison.Ordinal) ? Path.GetDirectoryName(project)! : project;
        var appHost = Path.Combine(projectDirectory, "bin", configuration, "net10.0", "KiPlatform.AppHost.dll");
        using var publish = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appHost, "--publisher", "manifest", "--output-path", output, $"--Infrastructure:DataRoot={output}/data" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = publish.StandardOutput.ReadToEndAsync(Ct);
        var errors = publish.StandardError.ReadToEndAsync(Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        await publish.WaitForExitAsync(deadline.Token);
        Assert.True(publish.ExitCode == 0, $"publishing the manifest failed: {await log}{await errors}");
    }
}
