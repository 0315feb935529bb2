extern alias funding;
using Grpc.Core;
using KiPlatform.Funding.V1;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;
using GrantFinality = funding::KiPlatform.Funding.Grants.GrantFinality;

namespace KiPlatform.Integration.Tests.Funding;

/// <summary>Grant notices becoming final, by the clock and by the municipality's waiver, against real PostgreSQL and RabbitMQ.</summary>
public sealed class GrantFinalityTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Database, string PeriodId)> DatabaseWithPeriodAsync()
    {
        var database = await servers.CreateDatabaseAsync(Ct);
        return (database, $"f{Guid.NewGuid():N}"[..20]);
    }

    private static Task<long> CountAsync(string database, string sql) => TestDatabase.ScalarAsync(database, sql);

    [Fact]
    public async Task A_notice_becomes_final_a_month_after_its_date_once_with_two_instances_running()
    {
        var (database, periodId) = await DatabaseWithPeriodAsync();
        var queue = $"funding-test-{Guid.NewGuid():N}";
        var start = new DateTimeOffset(2030, 1, 15, 9, 0, 0, TimeSpan.Zero);
        var clocks = new[] { new FakeTimeProvider(start), new FakeTimeProvider(start) };
        await using var first = await FundingServiceHost.StartAsync(servers, database, queue, clocks[0]);
        await using var second = await FundingServiceHost.StartAsync(servers, database, queue, clocks[1]);
        await FundingServiceHost.AddPeriodAsync(database, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), 983_000_000);
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString,
            new ApplicationApproved(Guid.NewGuid(), "05966", periodId, new PostFte(2.0m, 2.0m, 1.0m, 0.5m), start.AddDays(-20)), Guid.NewGuid());
        var statusSql = $"SELECT count(*) FROM grants WHERE \"PeriodId\" = '{periodId}' AND \"Status\" = ";
        await Eventually.MatchesAsync(_ => CountAsync(database, statusSql + "'Issued'"), n => n == 1, "the grant is issued");

        foreach (var clock in clocks)
        {
            clock.Advance(TimeSpan.FromDays(30)); // 14 February: the month for legal remedy runs until 15 February
        }

        var finality = first.Services.GetServices<IHostedService>().OfType<GrantFinality>().Single();
        Assert.Equal(0, await finality.MakeDueFinalAsync(Ct));
        Assert.Equal(1, await CountAsync(database, statusSql + "'Issued'"));
        foreach (var clock in clocks)
        {
            clock.Advance(TimeSpan.FromDays(2)); // 16 February
        }

        await Eventually.MatchesAsync(_ => CountAsync(database, statusSql + "'Final'"), n => n == 1, "the notice is final");
        Assert.Equal(1, await CountAsync(database, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%GrantFinal%' AND body::text LIKE '%{periodId}%'"));
        Assert.Equal(1, await CountAsync(database, $"SELECT count(*) FROM grants WHERE \"PeriodId\" = '{periodId}' AND \"FinalOn\" = DATE '2030-02-16' AND NOT \"LegalRemedyWaived\""));
    }

    [Fact]
    public async Task A_municipality_waiving_legal_remedy_makes_its_notice_final_at_once_and_only_once()
    {
        var (database, periodId) = await DatabaseWithPeriodAsync();
        await using var host = await FundingServiceHost.StartAsync(servers, database, $"funding-test-{Guid.NewGuid():N}");
        await FundingServiceHost.AddPeriodAsync(database, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), 983_000_000);
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString,
            new ApplicationApproved(Guid.NewGuid(), "05970", periodId, new PostFte(2.0m, 2.0m, 1.0m, 0.5m), new DateTimeOffset(2029, 12, 1, 9, 0, 0, TimeSpan.Zero)), Guid.NewGuid());
        var client = new GrantService.GrantServiceClient(host.Channel);
        var grant = (await Eventually.MatchesAsync(
            ct => client.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}", State = GrantState.Issued }, Mais, cancellationToken: ct).ResponseAsync,
            list => list.Grants.Count == 1, "the grant is issued")).Grants.Single();
        var owner = Municipality("05970");

        var other = await Assert.ThrowsAsync<RpcException>(() => client.WaiveLegalRemedyAsync(
            new WaiveLegalRemedyRequest { Name = grant.Name, RequestId = Guid.NewGuid().ToString() }, Municipality("05974"), cancellationToken: Ct).ResponseAsync);
        var final = await client.WaiveLegalRemedyAsync(new WaiveLegalRemedyRequest { Name = grant.Name, Etag = grant.Etag, RequestId = Guid.NewGuid().ToString() }, owner, cancellationToken: Ct);
        var again = await Assert.ThrowsAsync<RpcException>(() => client.WaiveLegalRemedyAsync(
            new WaiveLegalRemedyRequest { Name = grant.Name, RequestId = Guid.NewGuid().ToString() }, owner, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (other.StatusCode, other.ErrorInfo().Reason));
        Assert.Equal((GrantState.Final, true), (final.State, final.LegalRemedyWaived));
        Assert.NotNull(final.FinalDate);
        Assert.Contains(final.History, h => h.Description.Contains("waived", StringComparison.Ordinal) && h.Actor == "dev-municipality-05970");
        Assert.Equal((StatusCode.FailedPrecondition, "STATE_TRANSITION_NOT_ALLOWED"), (again.StatusCode, again.ErrorInfo().Reason));
        Assert.Equal(1, await CountAsync(database, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%GrantFinal%' AND body::text LIKE '%{periodId}%'"));
    }
}
