using System.Diagnostics.Metrics;
using Grpc.Core;
using KiPlatform.Funding.V1;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Funding;

/// <summary>
/// Grants from approvals on the real bus, against real PostgreSQL and RabbitMQ. Approvals published by other tests reach
/// these hosts too (all for 2013): each test works in a funding period of its own.
/// </summary>
public sealed class GrantTests(ServersFixture servers)
{
    private const long FullKiYearCents = 17_000_000;
    private static readonly PostFte DefaultPosts = new(2.0m, 2.0m, 1.0m, 0.5m);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewPeriodId() => $"t{Guid.NewGuid():N}"[..20];

    private static ApplicationApproved Approval(string ags, string periodId, DateTimeOffset approvedAt) =>
        new(Guid.NewGuid(), ags, periodId, DefaultPosts, approvedAt);

    private async Task<(FundingServiceHost Host, string Database, string Queue)> StartAsync()
    {
        var database = await servers.CreateDatabaseAsync(Ct);
        var queue = $"funding-test-{Guid.NewGuid():N}";
        return (await FundingServiceHost.StartAsync(servers, database, queue), database, queue);
    }

    [Fact]
    public async Task An_approval_delivered_twice_yields_exactly_one_grant_notice_of_a_full_KI_year()
    {
        var (host, database, _) = await StartAsync();
        await using var _h = host;
        var periodId = NewPeriodId();
        await FundingServiceHost.AddPeriodAsync(database, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), 983_000_000);
        var approval = Approval("05974", periodId, new DateTimeOffset(2029, 12, 10, 9, 0, 0, TimeSpan.Zero));
        var messageId = Guid.NewGuid();

        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString, approval, messageId);
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString, approval, messageId);
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString, approval, Guid.NewGuid()); // the same approval as another message
        var client = new GrantService.GrantServiceClient(host.Channel);
        var issued = await Eventually.MatchesAsync(
            ct => client.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}" }, Mais, cancellationToken: ct).ResponseAsync,
            list => list.Grants.Any(g => g.State == GrantState.Issued), "the grant is issued");
        await Eventually.MatchesAsync(_ => TestDatabase.ScalarAsync(database, "SELECT count(*) FROM processed_messages"), n => n >= 2,
            "both messages were handled");

        var grant = Assert.Single(issued.Grants);
        Assert.Equal($"KI-{periodId}-05974-01", grant.Number);
        Assert.Equal((170_000L, 0, 12), (grant.TotalAmount.Units, grant.TotalAmount.Nanos, grant.Months));
        Assert.Equal((2000, "Festbetragsfinanzierung"), (grant.TeacherFteMilli, grant.FinancingType));
        Assert.Equal(1, await TestDatabase.ScalarAsync(database, $"SELECT count(*) FROM grants WHERE \"PeriodId\" = '{periodId}'"));
        Assert.Equal(1, await TestDatabase.ScalarAsync(database, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%GrantIssued%' AND body::text LIKE '%{periodId}%'"));
        var inArnsberg = await client.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}", GovernmentDistrict = "Arnsberg" }, Mais, cancellationToken: Ct);
        var inKoeln = await client.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}", GovernmentDistrict = "Köln" }, Mais, cancellationToken: Ct);
        Assert.Equal((1, 0), (inArnsberg.Grants.Count, inKoeln.Grants.Count)); // Kreis Soest lies in Arnsberg

        var notice = await client.GetGrantNoticeAsync(new GetGrantNoticeRequest { Name = grant.Name }, Municipality("05974"), cancellationToken: Ct);

        Assert.Equal(($"Zuwendungsbescheid-KI-{periodId}-05974-01.pdf", "application/pdf"), (notice.FileName, notice.ContentType));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(notice.Content.ToByteArray());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains($"KI-{periodId}-05974-01", text);
        Assert.Contains("170.000,00 EUR", text);
        Assert.Contains("Kreis Soest", text);
    }

    [Fact]
    public async Task A_notice_is_refused_while_its_grant_waits_for_budget()
    {
        var (host, database, _) = await StartAsync();
        await using var _h = host;
        var periodId = NewPeriodId();
        await FundingServiceHost.AddPeriodAsync(database, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), budgetCents: 100);
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString, Approval("05774", periodId, new DateTimeOffset(2029, 12, 1, 9, 0, 0, TimeSpan.Zero)), Guid.NewGuid());
        var client = new GrantService.GrantServiceClient(host.Channel);
        var queued = (await Eventually.MatchesAsync(
            ct => client.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}" }, Mais, cancellationToken: ct).ResponseAsync,
            list => list.Grants.Any(g => g.State == GrantState.QueuedForBudget), "the grant waits for budget")).Grants.Single();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetGrantNoticeAsync(new GetGrantNoticeRequest { Name = queued.Name }, Mais, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, "NOTICE_NOT_ISSUED"), (refused.StatusCode, refused.ErrorInfo().Reason));
    }

    [Fact]
    public async Task Sixty_approvals_at_once_on_two_instances_issue_54_within_the_budget_and_queue_6_served_in_approval_order()
    {
        var (first, database, queue) = await StartAsync();
        await using var _f = first;
        await using var second = await FundingServiceHost.StartAsync(servers, database, queue);
        var periodId = NewPeriodId();
        var budget = 54 * FullKiYearCents;
        await FundingServiceHost.AddPeriodAsync(database, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), budget);
        var approvedFrom = new DateTimeOffset(2029, 11, 1, 8, 0, 0, TimeSpan.Zero);
        // 60 approvals of the 54 municipalities (six of them twice, as two applications would be): every grant has an addressee.
        var municipalities = (await first.Applications.Municipalities.ListMunicipalitiesAsync(
            new KiPlatform.Applications.V1.ListMunicipalitiesRequest { PageSize = 60 }, Mais, cancellationToken: Ct)).Municipalities;
        var approvals = Enumerable.Range(0, 60)
            .Select(i => Approval(municipalities[i % municipalities.Count].Name["municipalities/".Length..], periodId, approvedFrom.AddMinutes(i))).ToList();
        var committedSql = $"SELECT coalesce(sum(\"Amounts_TotalCents\"), 0) FROM grants WHERE \"PeriodId\" = '{periodId}' AND \"Status\" IN ('Issued', 'Final')";

        await Task.WhenAll(approvals.Select(a => ApprovalPublisher.PublishAsync(servers.MessagingConnectionString, a, Guid.NewGuid())));
        var highest = 0L;
        await Eventually.MatchesAsync(async _ =>
        {
            var committed = await TestDatabase.ScalarAsync(database, committedSql);
            highest = Math.Max(highest, committed);
            return await TestDatabase.ScalarAsync(database, $"SELECT count(*) FROM grants WHERE \"PeriodId\" = '{periodId}' AND \"Status\" <> 'Pending'");
        }, settled => settled == 60, "all 60 grants are issued or queued", TimeSpan.FromSeconds(60));

        Assert.True(highest <= budget, $"{highest} cents committed against a budget of {budget}");
        Assert.Equal(budget, await TestDatabase.ScalarAsync(database, committedSql));
        // Which six wait depends on the order the approvals arrived in (sent at once, they race); the queue keeps them in
        // approval order, and serves them in it.
        var queued = await QueuedApplicationsAsync(database, periodId);
        Assert.Equal(6, queued.Count);

        var periods = new FundingPeriodService.FundingPeriodServiceClient(second.Channel);
        var overview = await periods.GetFundingOverviewAsync(new GetFundingOverviewRequest { FundingPeriod = $"fundingPeriods/{periodId}" }, Mais, cancellationToken: Ct);
        Assert.Equal((54, 6, 9_180_000L, 1_020_000L, 0L), (overview.IssuedCount, overview.QueuedCount, overview.Committed.Units, overview.Queued.Units, overview.BudgetLeft.Units));
        Assert.Equal(["Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster"], overview.Districts.Select(d => d.GovernmentDistrict));
        Assert.Equal(60, overview.Districts.Sum(d => d.IssuedCount + d.QueuedCount));

        await periods.UpdateFundingPeriodAsync(new UpdateFundingPeriodRequest
        {
            FundingPeriod = new FundingPeriod { Name = $"fundingPeriods/{periodId}", Budget = new Google.Type.Money { CurrencyCode = "EUR", Units = (budget + 3 * FullKiYearCents) / 100 } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "budget" } },
            RequestId = Guid.NewGuid().ToString(),
            Reason = "Nachtragshaushalt",
        }, As(KiPlatform.Rpc.Security.Roles.Admin), cancellationToken: Ct);
        var stillQueued = await Eventually.MatchesAsync(_ => QueuedApplicationsAsync(database, periodId), q => q.Count == 3, "three queued grants are issued");

        Assert.Equal(queued.Skip(3), stillQueued);
        var after = await Eventually.MatchesAsync(
            ct => periods.GetFundingOverviewAsync(new GetFundingOverviewRequest { FundingPeriod = $"fundingPeriods/{periodId}" }, As(KiPlatform.Rpc.Security.Roles.Laki), cancellationToken: ct).ResponseAsync,
            o => o.IssuedCount == 57, "the overview of either instance follows the issue");
        Assert.Equal((3, 9_690_000L, 0L), (after.QueuedCount, after.Committed.Units, after.BudgetLeft.Units));
        using var gauges = new MetricCollector<double>(first.Services.GetRequiredService<IMeterFactory>(), "KiPlatform.Funding", "ki.funding.grants_queued");
        await Eventually.MatchesAsync(_ =>
        {
            gauges.RecordObservableInstruments();
            return Task.FromResult(gauges.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags["period"], periodId))?.Value);
        }, queuedNow => queuedNow == 3, "the dashboard shows three grants waiting for budget");
        Assert.Equal(6, await TestDatabase.ScalarAsync(database, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%GrantQueuedForBudget%' AND body::text LIKE '%{periodId}%'"));
    }

    [Fact]
    public async Task A_municipality_cannot_read_another_municipalitys_grant_and_MSW_reads_the_teacher_allocation_without_the_money()
    {
        var (host, database, _) = await StartAsync();
        await using var _h = host;
        var periodId = NewPeriodId();
        await FundingServiceHost.AddPeriodAsync(database, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), 983_000_000);
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString, Approval("05958", periodId, new DateTimeOffset(2029, 12, 1, 9, 0, 0, TimeSpan.Zero)), Guid.NewGuid());
        var client = new GrantService.GrantServiceClient(host.Channel);
        var grant = (await Eventually.MatchesAsync(
            ct => client.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}" }, Mais, cancellationToken: ct).ResponseAsync,
            list => list.Grants.Count == 1, "the grant exists")).Grants.Single();

        var other = await Assert.ThrowsAsync<RpcException>(() => client.GetGrantAsync(new GetGrantRequest { Name = grant.Name }, Municipality("05962"), cancellationToken: Ct).ResponseAsync);
        var own = await client.GetGrantAsync(new GetGrantRequest { Name = grant.Name }, Municipality("05958"), cancellationToken: Ct);
        var msw = await client.GetGrantAsync(new GetGrantRequest { Name = grant.Name }, Msw, cancellationToken: Ct);
        var mswList = await client.ListGrantsAsync(new ListGrantsRequest { FundingPeriod = $"fundingPeriods/{periodId}" }, Msw, cancellationToken: Ct);

        Assert.Equal((StatusCode.PermissionDenied, "OTHER_MUNICIPALITY"), (other.StatusCode, other.ErrorInfo().Reason));
        Assert.Equal((grant.Name, 170_000L, "Hochsauerlandkreis", "Arnsberg"), (own.Name, own.TotalAmount.Units, own.MunicipalityDisplayName, own.GovernmentDistrict));
        // MSW reads the teacher allocation, never the MAIS money.
        Assert.Equal((2000, null, null), (msw.TeacherFteMilli, msw.TotalAmount, msw.SpecialistAmount));
        Assert.Null(Assert.Single(mswList.Grants).TotalAmount);
    }

    private static async Task<List<Guid>> QueuedApplicationsAsync(string database, string periodId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"SELECT \"ApplicationId\" FROM grants WHERE \"PeriodId\" = '{periodId}' AND \"Status\" = 'QueuedForBudget' ORDER BY \"ApprovedAt\"", connection);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
