using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Grpc.Core;
using KiPlatform.Funding.V1;
using KiPlatform.Integration.Tests.Applications;
using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Funding;

/// <summary>Funding periods over gRPC against real servers: admin's changes with their history, and the copy Applications keeps.</summary>
public sealed class FundingPeriodTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Metadata Admin => As(Roles.Admin, subject: "admin-anna");

    /// <summary>The year of the period Funding adds at its start: the calendar year in North Rhine-Westphalia.</summary>
    private static int CurrentYear => KiPlatform.Domain.StateCalendar.Today(TimeProvider.System).Year;

    private static Money Eur(long units) => new() { CurrencyCode = "EUR", Units = units };

    private static UpdateFundingPeriodRequest Update(string periodId, V1Changes change, params string[] paths)
    {
        var period = new FundingPeriod { Name = $"fundingPeriods/{periodId}" };
        change(period);
        return new UpdateFundingPeriodRequest
        {
            FundingPeriod = period, UpdateMask = new FieldMask { Paths = { paths } }, RequestId = Guid.NewGuid().ToString(), Reason = "Haushaltsplan",
        };
    }

    private delegate void V1Changes(FundingPeriod period);

    private async Task<(FundingServiceHost Host, string Database, string PeriodId)> StartWithPeriodAsync()
    {
        var database = await servers.CreateDatabaseAsync(Ct);
        var host = await FundingServiceHost.StartAsync(servers, database, $"funding-test-{Guid.NewGuid():N}");
        var periodId = $"p{Guid.NewGuid():N}"[..20];
        await FundingServiceHost.AddPeriodAsync(database, periodId, new DateOnly(2030, 1, 1), new DateOnly(2030, 12, 31), 983_000_000);
        return (host, database, periodId);
    }

    [Fact]
    public async Task The_shipped_periods_2013_and_the_current_year_are_listed_with_rates_caps_and_their_first_history_entry()
    {
        var (host, _, _) = await StartWithPeriodAsync();
        await using var _h = host;
        var client = new FundingPeriodService.FundingPeriodServiceClient(host.Channel);

        var listed = await client.ListFundingPeriodsAsync(new ListFundingPeriodsRequest(), Municipality("05974"), cancellationToken: Ct);

        var first = Assert.Single(listed.FundingPeriods, p => p.Name == "fundingPeriods/2013");
        var currentYear = Assert.Single(listed.FundingPeriods, p => p.Name == $"fundingPeriods/{CurrentYear}");
        Assert.Equal((9_830_000L, 50_000L, 50_000L, 20_000L), (first.Budget.Units, first.SpecialistRatePerFteYear.Units, first.AdministrativeRatePerFteYear.Units, first.SupportRatePerHalfFteYear.Units));
        Assert.Equal((2000, 2000, 1000, 500), (currentYear.PostCaps.TeacherFteMilli, currentYear.PostCaps.SpecialistFteMilli, currentYear.PostCaps.AdministrativeFteMilli, currentYear.PostCaps.SupportFteMilli));
        Assert.Equal((1, 1, CurrentYear, 12, 31), (currentYear.StartDate.Month, currentYear.StartDate.Day, currentYear.EndDate.Year, currentYear.EndDate.Month, currentYear.EndDate.Day));
        Assert.Equal("funding", Assert.Single(first.History).Actor);
    }

    [Fact]
    public async Task Admin_raises_a_budget_with_etag_and_reason_kept_in_the_history_once_and_BudgetChanged_is_published()
    {
        var (host, database, periodId) = await StartWithPeriodAsync();
        await using var _h = host;
        var client = new FundingPeriodService.FundingPeriodServiceClient(host.Channel);
        var before = await client.GetFundingPeriodAsync(new GetFundingPeriodRequest { Name = $"fundingPeriods/{periodId}" }, Admin, cancellationToken: Ct);
        var request = Update(periodId, p => { p.Budget = Eur(10_000_000); p.Etag = before.Etag; }, "budget");

        var updated = await client.UpdateFundingPeriodAsync(request, Admin, cancellationToken: Ct);
        var repeated = await client.UpdateFundingPeriodAsync(request, Admin, cancellationToken: Ct);
        var stale = await Assert.ThrowsAsync<RpcException>(() =>
            client.UpdateFundingPeriodAsync(Update(periodId, p => { p.Budget = Eur(11_000_000); p.Etag = before.Etag; }, "budget"), Admin, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(10_000_000, updated.Budget.Units);
        Assert.NotEqual(before.Etag, updated.Etag);
        Assert.Equal(updated, repeated);
        var change = updated.History[^1];
        Assert.Equal(("budget 9830000.00 EUR -> 10000000.00 EUR", "Haushaltsplan", "admin-anna"), (change.Description, change.Reason, change.Actor));
        Assert.Equal((StatusCode.Aborted, "ETAG_MISMATCH"), (stale.StatusCode, stale.ErrorInfo().Reason));
        Assert.Equal(1, await TestDatabase.ScalarAsync(database, $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%BudgetChanged%' AND body::text LIKE '%{periodId}%'"));
        Assert.Equal(2, await TestDatabase.ScalarAsync(database, $"SELECT count(*) FROM funding_period_changes WHERE \"PeriodId\" = '{periodId}'"));
    }

    [Fact]
    public async Task Only_admin_changes_a_period_and_bad_values_are_refused_field_by_field_changing_nothing()
    {
        var (host, database, periodId) = await StartWithPeriodAsync();
        await using var _h = host;
        var client = new FundingPeriodService.FundingPeriodServiceClient(host.Channel);

        var mais = await Assert.ThrowsAsync<RpcException>(() =>
            client.UpdateFundingPeriodAsync(Update(periodId, p => p.Budget = Eur(1), "budget"), Mais, cancellationToken: Ct).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => client.UpdateFundingPeriodAsync(Update(periodId, p =>
        {
            p.Budget = new Money { CurrencyCode = "EUR", Units = 1, Nanos = 1 };
            p.SpecialistRatePerFteYear = new Money { CurrencyCode = "USD", Units = 57_000 };
            p.PostCaps = new PostCaps { TeacherFteMilli = 2100 };
        }, "budget", "specialist_rate_per_fte_year", "post_caps", "etag"), Admin, cancellationToken: Ct).ResponseAsync);
        var backwards = await Assert.ThrowsAsync<RpcException>(() => client.UpdateFundingPeriodAsync(
            Update(periodId, p => { p.StartDate = new Date { Year = 2030, Month = 6, Day = 1 }; p.EndDate = new Date { Year = 2030, Month = 5, Day = 31 }; }, "start_date", "end_date"),
            Admin, cancellationToken: Ct).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED"), (mais.StatusCode, mais.ErrorInfo().Reason));
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal(
            [("funding_period.budget", "FIELD_MALFORMED"), ("funding_period.post_caps.teacher_fte_milli", "FIELD_OUT_OF_RANGE"),
             ("funding_period.specialist_rate_per_fte_year", "FIELD_MALFORMED"), ("update_mask.paths[3]", "FIELD_MASK_PATH_UNKNOWN")],
            malformed.BadRequest().FieldViolations.Select(v => (v.Field, v.Reason)).Order());
        Assert.Equal((StatusCode.InvalidArgument, "funding_period.end_date"), (backwards.StatusCode, Assert.Single(backwards.BadRequest().FieldViolations).Field));
        Assert.Equal(1, await TestDatabase.ScalarAsync(database, $"SELECT count(*) FROM funding_period_changes WHERE \"PeriodId\" = '{periodId}'"));
    }

    [Fact]
    public async Task Once_a_grant_is_issued_the_budget_cannot_drop_below_it_and_the_rates_stay()
    {
        var (host, database, periodId) = await StartWithPeriodAsync();
        await using var _h = host;
        await ApprovalPublisher.PublishAsync(servers.MessagingConnectionString,
            new ApplicationApproved(Guid.NewGuid(), "05762", periodId, new PostFte(2.0m, 2.0m, 1.0m, 0.5m), new DateTimeOffset(2029, 12, 1, 9, 0, 0, TimeSpan.Zero)), Guid.NewGuid());
        await Eventually.MatchesAsync(_ => TestDatabase.ScalarAsync(database, $"SELECT count(*) FROM grants WHERE \"PeriodId\" = '{periodId}' AND \"Status\" = 'Issued'"),
            n => n == 1, "the grant is issued");
        var client = new FundingPeriodService.FundingPeriodServiceClient(host.Channel);

        var belowCommitted = await Assert.ThrowsAsync<RpcException>(() =>
            client.UpdateFundingPeriodAsync(Update(periodId, p => p.Budget = Eur(169_999), "budget"), Admin, cancellationToken: Ct).ResponseAsync);
        var newRate = await Assert.ThrowsAsync<RpcException>(() =>
            client.UpdateFundingPeriodAsync(Update(periodId, p => p.SpecialistRatePerFteYear = Eur(57_000), "specialist_rate_per_fte_year"), Admin, cancellationToken: Ct).ResponseAsync);
        var down = await client.UpdateFundingPeriodAsync(Update(periodId, p => p.Budget = Eur(170_000), "budget"), Admin, cancellationToken: Ct);

        Assert.Equal((StatusCode.FailedPrecondition, "BUDGET_BELOW_COMMITTED"), (belowCommitted.StatusCode, belowCommitted.ErrorInfo().Reason));
        Assert.Equal((StatusCode.FailedPrecondition, "PERIOD_HAS_GRANTS"), (newRate.StatusCode, newRate.ErrorInfo().Reason));
        Assert.Equal((170_000L, 50_000L), (down.Budget.Units, down.SpecialistRatePerFteYear.Units));
    }

    [Fact]
    public async Task Applications_checks_applications_against_the_caps_Funding_publishes_for_a_period()
    {
        var applications = await ApplicationsServiceHost.StartAsync(servers, Ct, queuePrefix: $"applications-test-{Guid.NewGuid():N}");
        await using var _a = applications;
        var (host, _, periodId) = await StartWithPeriodAsync();
        await using var _h = host;
        var client = new FundingPeriodService.FundingPeriodServiceClient(host.Channel);

        // Funding announces its periods at each start; this one changes after the start.
        await client.UpdateFundingPeriodAsync(Update(periodId, p => p.PostCaps = new PostCaps { TeacherFteMilli = 1000, SpecialistFteMilli = 2000, AdministrativeFteMilli = 1000, SupportFteMilli = 500 }, "post_caps"),
            Admin, cancellationToken: Ct);
        var currentYear = CurrentYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.MatchesAsync(async _ => await Copied(currentYear) + await Copied(periodId, "1.0"), n => n == 2, "Applications holds both periods as Funding has them");

        var create = ApplicationRequests.Create("05974", ApplicationRequests.Complete("05974", periodId)); // 2.0 teacher posts requested
        var refused = await Assert.ThrowsAsync<RpcException>(() => applications.Applications.CreateApplicationAsync(create, Municipality("05974"), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(refused.BadRequest().FieldViolations, v => v.Field == "application.requested_posts.teacher_fte");

        async Task<long> Copied(string id, string teacherCap = "2.0") =>
            await TestDatabase.ScalarAsync(applications.Database,
                $"SELECT count(*) FROM period_post_caps WHERE \"PeriodId\" = '{id}' AND \"TeacherFte\" = {teacherCap} AND \"Revision\" >= 1");
    }
}
