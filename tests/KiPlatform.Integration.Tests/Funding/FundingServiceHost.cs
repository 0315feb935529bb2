extern alias funding;
using Grpc.Net.Client;
using KiPlatform.Integration.Tests.Applications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using FundingDbContext = funding::KiPlatform.Funding.FundingDbContext;

namespace KiPlatform.Integration.Tests.Funding;

/// <summary>
/// The real Funding service on a test server against the fixture's PostgreSQL and RabbitMQ. Instances started with the
/// same database and queue prefix are several instances of one service, competing for its messages.
/// </summary>
internal sealed class FundingServiceHost(Dictionary<string, string?> settings, TimeProvider? clock = null) : WebApplicationFactory<FundingDbContext>
{
    private GrpcChannel? _channel;

    public string Database => settings[$"ConnectionStrings:{FundingDbContext.ConnectionName}"]!;

    public static Dictionary<string, string?> Settings(ServersFixture servers, string database, string queuePrefix) => new()
    {
        [$"ConnectionStrings:{FundingDbContext.ConnectionName}"] = database,
        ["ConnectionStrings:messaging"] = servers.MessagingConnectionString,
        ["Authentication:DevelopmentSigningKey"] = ApplicationsServiceHost.SigningKey,
        ["Paging:TokenKey"] = new string('k', 64),
        ["Messaging:QueuePrefix"] = queuePrefix,
        ["Funding:IssueInterval"] = "00:00:00.100",
        ["Funding:FinalityInterval"] = "00:00:01",
        ["Funding:MetricsInterval"] = "00:00:01",
    };

    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress("http://funding.test", new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <summary>Adds a funding period with its budget, as admin would.</summary>
    public static async Task AddPeriodAsync(string database, string id, DateOnly start, DateOnly end, long budgetCents)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO funding_periods ("Id", start_date, end_date, "BudgetCents", "SpecialistRatePerFteYearCents", "AdministrativeRatePerFteYearCents", "SupportRatePerHalfFteYearCents")
            VALUES (@id, @start, @end, @budget, 5000000, 5000000, 2000000)
            """, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("start", start);
        insert.Parameters.AddWithValue("end", end);
        insert.Parameters.AddWithValue("budget", budgetCents);
        await insert.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
    }
}
