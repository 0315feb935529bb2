using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Funding.V1;
using KiPlatform.Integration.Tests.Funding;
using KiPlatform.Testing;
using KiPlatform.Rpc.Security;
using Npgsql;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Faults;

/// <summary>
/// One service's database gone for a while (it refuses connections, and those the service held are cut), with every
/// other service's database up: that service refuses calls at once with UNAVAILABLE, never INTERNAL and never past the
/// caller's deadline, changes nothing, and answers again once its database is back, without a restart.
/// </summary>
public sealed class DatabaseOutageTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_its_database_is_gone_Funding_refuses_with_UNAVAILABLE_Applications_keeps_answering_and_Funding_recovers_by_itself()
    {
        var database = await servers.CreateDatabaseAsync(Ct);
        await using var funding = await FundingServiceHost.StartAsync(servers, database, $"funding-test-{Guid.NewGuid():N}");
        var grants = new GrantService.GrantServiceClient(funding.Channel);
        var periods = new FundingPeriodService.FundingPeriodServiceClient(funding.Channel);
        var before = await periods.GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = "fundingPeriods/2013" }, As(Roles.Admin), cancellationToken: Ct);
        await grants.ListGrantsAsync(new ListGrantsRequest(), As(Roles.Mais), cancellationToken: Ct);

        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        RpcException list, update;
        await TakeAwayAsync(name);
        try
        {
            // A deadline far beyond what failing fast takes: a hang would end in DEADLINE_EXCEEDED, not UNAVAILABLE.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            list = await Assert.ThrowsAsync<RpcException>(() => grants.ListGrantsAsync(new ListGrantsRequest(), As(Roles.Mais), deadline, Ct).ResponseAsync);
            update = await Assert.ThrowsAsync<RpcException>(() => periods.UpdateFundingPeriodAsync(new UpdateFundingPeriodRequest
            {
                FundingPeriod = new FundingPeriod { Name = before.Name, Budget = new Google.Type.Money { CurrencyCode = "EUR", Units = 1 }, Etag = before.Etag },
                UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "budget" } },
                Reason = "während der Störung",
                RequestId = Guid.NewGuid().ToString(),
            }, As(Roles.Admin), deadline, Ct).ResponseAsync);
            var municipality = await funding.Applications.Municipalities.GetMunicipalityAsync(new GetMunicipalityRequest { Name = "municipalities/05974" }, As(Roles.Mais), cancellationToken: Ct);
            Assert.Equal("Kreis Soest", municipality.DisplayName);
        }
        finally
        {
            await GiveBackAsync(name);
        }

        Assert.All([list, update], e => Assert.Equal((StatusCode.Unavailable, "BACKEND_UNAVAILABLE"), (e.StatusCode, e.ErrorInfo().Reason)));
        await Eventually.MatchesAsync(async ct =>
        {
            try
            {
                return (await grants.ListGrantsAsync(new ListGrantsRequest(), As(Roles.Mais), cancellationToken: ct)).Grants is not null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return false;
            }
        }, answered => answered, "Funding answers again once its database is back");
        var after = await new FundingPeriodService.FundingPeriodServiceClient(funding.Channel)
            .GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = before.Name }, As(Roles.Admin), cancellationToken: Ct);
        Assert.Equal((before.Budget, before.Etag), (after.Budget, after.Etag));
    }

    /// <summary>The database refuses new connections and the open ones are cut, as when its server stops.</summary>
    private async Task TakeAwayAsync(string database)
    {
        await ExecuteAsync($"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false");
        await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
    }

    private Task GiveBackAsync(string database) => ExecuteAsync($"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(servers.PostgresConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
