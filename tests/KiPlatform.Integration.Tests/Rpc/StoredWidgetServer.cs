using FluentValidation;
using Grpc.Net.Client;
using KiPlatform.Messaging.Outbox;
using KiPlatform.Rpc;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Security;
using KiPlatform.Rpc.Validation;
using KiPlatform.Testing.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KiPlatform.Integration.Tests.Rpc;

/// <summary>The PostgreSQL-backed widget service on an in-memory test server, with the RPC conventions.</summary>
internal sealed class StoredWidgetServer : IAsyncDisposable
{
    private const string SigningKey = "integration-tests-signing-key-0123456789abcdef";

    private readonly WebApplication _app;

    private StoredWidgetServer(WebApplication app, string database)
    {
        _app = app;
        Database = database;
        Channel = GrpcChannel.ForAddress("http://widgets.test", new GrpcChannelOptions { HttpHandler = app.GetTestServer().CreateHandler() });
    }

    public string Database { get; }

    public GrpcChannel Channel { get; }

    public WidgetService.WidgetServiceClient Client => new(Channel);

    public static async Task<StoredWidgetServer> StartAsync(ServersFixture servers, CancellationToken cancellationToken)
    {
        var database = await servers.CreateDatabaseAsync(cancellationToken);
        await using (var db = new WidgetDbContext(WidgetDbContext.Options(database)))
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["Authentication:DevelopmentSigningKey"] = SigningKey;
        builder.Configuration["Paging:TokenKey"] = new string('p', 64);
        builder.Services.AddGrpc();
        builder.Services.AddDbContext<WidgetDbContext>(options => options.UseNpgsql(database, npgsql => npgsql.EnableRetryOnFailure()));
        builder.AddIdempotentCommands<WidgetDbContext>();
        builder.Services.AddScoped<EventOutbox<WidgetDbContext>>();
        builder.AddRpcConventions();
        var rules = new RpcAccessRules();
        foreach (var method in WidgetService.Descriptor.Methods)
        {
            rules.Allow(WidgetService.Descriptor, method.Name, Roles.All);
        }

        builder.AddRpcContract(rules, typeof(StoredWidgetServer).Assembly);
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGrpcService<StoredWidgetService>();
        await app.StartAsync(cancellationToken);
        return new StoredWidgetServer(app, database);
    }

    public static Grpc.Core.Metadata As(string role, string? ags = null, string? subject = null) => new()
    {
        { "authorization", $"Bearer {DevelopmentTokens.Create(SigningKey, role, ags, TimeSpan.FromMinutes(10), TimeProvider.System, subject)}" },
    };

    public async Task<T> QueryAsync<T>(Func<WidgetDbContext, Task<T>> query)
    {
        await using var db = new WidgetDbContext(WidgetDbContext.Options(Database));
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.DisposeAsync();
    }
}

internal sealed class CreateWidgetRequestValidator : AbstractValidator<CreateWidgetRequest>
{
    public CreateWidgetRequestValidator()
    {
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Parent).Matches(@"^municipalities/\d{5}$");
        RuleFor(r => r.Widget).NotNull();
    }
}

internal sealed class UpdateWidgetRequestValidator : AbstractValidator<UpdateWidgetRequest>
{
    public UpdateWidgetRequestValidator() => RuleFor(r => r.Widget.Name).Matches(@"^municipalities/\d{5}/widgets/\d+$");
}

internal sealed class ListWidgetsRequestValidator : AbstractValidator<ListWidgetsRequest>
{
    public ListWidgetsRequestValidator()
    {
        RuleFor(r => r.Parent).Matches(@"^municipalities/\d{5}$");
        RuleFor(r => r.PageSize).PageSize();
    }
}

internal sealed class GetWidgetRequestValidator : AbstractValidator<GetWidgetRequest>;

internal sealed class FailRequestValidator : AbstractValidator<FailRequest>;

internal sealed class WaitRequestValidator : AbstractValidator<WaitRequest>;

internal sealed class PurgeWidgetsRequestValidator : AbstractValidator<PurgeWidgetsRequest>;
