using Grpc.Core;
using KiPlatform.Applications.V1;
using static KiPlatform.Integration.Tests.Applications.ApplicationRequests;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Applications;

/// <summary>The municipality register and the coverage view, each test on a service and database of its own.</summary>
public sealed class MunicipalityReadTests(ServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coverage_counts_approved_KIs_per_district_and_follows_each_approval()
    {
        await using var host = await StartAsync(servers, Ct);
        var before = await host.Municipalities.GetCoverageAsync(new GetCoverageRequest(), Mais, cancellationToken: Ct);
        Assert.Equal(54, before.MunicipalityCount);
        Assert.Equal(0, before.CoveredCount);
        Assert.Equal(["Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster"], before.Districts.Select(d => d.GovernmentDistrict));
        Assert.Equal(54, before.Districts.Sum(d => d.Missing.Count));

        await ApproveAsync(host, "05974"); // Kreis Soest, Arnsberg

        // The cached coverage was dropped by the approval.
        var after = await host.Municipalities.GetCoverageAsync(new GetCoverageRequest(), Municipality("05111"), cancellationToken: Ct);
        Assert.Equal(1, after.CoveredCount);
        var arnsberg = after.Districts.Single(d => d.GovernmentDistrict == "Arnsberg");
        Assert.Equal(1, arnsberg.CoveredCount);
        Assert.DoesNotContain("municipalities/05974", arnsberg.Missing);
        Assert.Equal(53, after.Districts.Sum(d => d.Missing.Count));
        var otherPeriod = await host.Municipalities.GetCoverageAsync(new GetCoverageRequest { FundingPeriod = "fundingPeriods/2014" }, Mais, cancellationToken: Ct);
        Assert.Equal(0, otherPeriod.CoveredCount);
    }

    [Fact]
    public async Task Lists_municipalities_by_district_kind_and_whether_they_have_a_KI()
    {
        await using var host = await StartAsync(servers, Ct);
        await ApproveAsync(host, "05111"); // Düsseldorf, a kreisfreie Stadt

        var all = new List<Municipality>();
        var request = new ListMunicipalitiesRequest { PageSize = 20 };
        do
        {
            var page = await host.Municipalities.ListMunicipalitiesAsync(request, Mais, cancellationToken: Ct);
            all.AddRange(page.Municipalities);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        var cities = await host.Municipalities.ListMunicipalitiesAsync(
            new ListMunicipalitiesRequest { GovernmentDistrict = "Düsseldorf", Kind = MunicipalityKind.IndependentCity }, Mais, cancellationToken: Ct);
        var covered = await host.Municipalities.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { HasKi = true }, Mais, cancellationToken: Ct);
        var uncovered = await host.Municipalities.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { HasKi = false }, Mais, cancellationToken: Ct);

        Assert.Equal(54, all.Select(m => m.Ags).Distinct().Count());
        Assert.Equal(all.Select(m => m.Ags).Order(StringComparer.Ordinal), all.Select(m => m.Ags));
        Assert.NotEmpty(cities.Municipalities);
        Assert.All(cities.Municipalities, m => Assert.Equal(("Düsseldorf", MunicipalityKind.IndependentCity), (m.GovernmentDistrict, m.Kind)));
        Assert.Equal("05111", Assert.Single(covered.Municipalities).Ags);
        Assert.Equal(53, uncovered.Municipalities.Count);
    }

    [Fact]
    public async Task Refuses_an_unknown_district()
    {
        await using var host = await StartAsync(servers, Ct);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            host.Municipalities.ListMunicipalitiesAsync(new ListMunicipalitiesRequest { GovernmentDistrict = "Aachen" }, Mais, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    [Fact]
    public async Task Without_Redis_reads_and_commands_still_work_and_reads_follow_changes()
    {
        // Nothing listens on port 1: the service starts and answers without its cache.
        await using var host = await StartAsync(servers, Ct, cache: "127.0.0.1:1,abortConnect=false,connectTimeout=200");
        const string ags = "05766";
        var draft = await host.Applications.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        Assert.Equal(ApplicationState.Draft, (await host.Applications.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, Municipality(ags), cancellationToken: Ct)).State);

        await host.Applications.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct);

        var read = await host.Applications.GetApplicationAsync(new GetApplicationRequest { Name = draft.Name }, Municipality(ags), cancellationToken: Ct);
        Assert.Equal(ApplicationState.Submitted, read.State);
        Assert.Equal(54, (await host.Municipalities.GetCoverageAsync(new GetCoverageRequest(), Mais, cancellationToken: Ct)).MunicipalityCount);
    }

    private static async Task ApproveAsync(ApplicationsServiceHost host, string ags)
    {
        var client = host.Applications;
        var draft = await client.CreateApplicationAsync(Create(ags), Municipality(ags), cancellationToken: Ct);
        await client.SubmitApplicationAsync(new SubmitApplicationRequest { Name = draft.Name, RequestId = NewId() }, Municipality(ags), cancellationToken: Ct);
        await client.StartFormalReviewAsync(new StartFormalReviewRequest { Name = draft.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        await client.StartContentReviewAsync(new StartContentReviewRequest { Name = draft.Name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        await client.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = NewId(), Mais = new MaisPart { SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
        }, Mais, cancellationToken: Ct);
        var approved = await client.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = draft.Name, RequestId = NewId(), Msw = new MswPart { TeacherFte = 2.0 },
        }, Msw, cancellationToken: Ct);
        Assert.Equal(ApplicationState.Approved, approved.State);
    }
}
