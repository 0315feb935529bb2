using System.Collections.Concurrent;
using KiPlatform.Applications.V1;
using KiPlatform.Domain;
using KiPlatform.Funding.V1;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Staffing.V1;

namespace KiPlatform.FirstWave;

/// <summary>
/// The first wave of the programme on a running stack: the 16 first-wave municipalities apply for the period that
/// has whole months ahead (the one holding the first day of next month), MAIS and MSW review and sign off, and then,
/// with nobody calling another service, Staffing makes 16 post plans and Funding issues 16 grant notices; one KI goes
/// on after its notice. The ministries and LaKI get a mail address if they have none, so every party is mailed.
/// Playing it again finishes what a cut-short run left and changes nothing that is done.
/// </summary>
public sealed class FirstWaveScenario(PlatformConnection platform)
{
    /// <summary>How long the services may take for what follows the approvals (plans, notices).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private const int ApplicationsAtOnce = 4;

    /// <summary>The mailboxes of the statewide parties, set when they have none.</summary>
    public static readonly IReadOnlyDictionary<Party, string> StatewideMailboxes = new Dictionary<Party, string>
    {
        [Party.Mais] = "ki-foerderung@mais.nrw.example",
        [Party.Msw] = "ki-lehrerstellen@msw.nrw.example",
        [Party.Laki] = "landesweite-koordinierung@laki.nrw.example",
    };

    public async Task<FirstWaveOutcome> PlayAsync(IProgress<FirstWaveProgress>? progress, CancellationToken cancellationToken)
    {
        var today = platform.Clock.Today();
        var period = await PeriodAheadAsync(today, cancellationToken);
        var municipalities = await MunicipalitiesAsync(cancellationToken);
        await GiveStatewidePartiesMailboxesAsync(cancellationToken);

        var journey = new ApplicationJourney(platform, period, today);
        var approved = new ConcurrentDictionary<string, (Application Application, string? Trace)>();
        progress?.Report(new FirstWaveProgress(FirstWaveStage.Applications, 0, municipalities.Count));
        await Parallel.ForEachAsync(municipalities, new ParallelOptions { MaxDegreeOfParallelism = ApplicationsAtOnce, CancellationToken = cancellationToken },
            async (municipality, ct) =>
            {
                approved[municipality.Ags] = await journey.RunAsync(municipality, ct);
                progress?.Report(new FirstWaveProgress(FirstWaveStage.Applications, approved.Count, municipalities.Count, municipality.DisplayName));
            });

        var plans = await AwaitAsync(FirstWaveStage.PostPlans, municipalities, progress, async ct =>
        {
            var listed = await new PostPlanService.PostPlanServiceClient(platform.Staffing)
                .ListPostPlansAsync(new ListPostPlansRequest { FundingPeriod = period, PageSize = 100 }, platform.As(Party.Laki, ct));
            return listed.PostPlans.Where(p => p.Periods.Any(x => x.FundingPeriod == period)).ToDictionary(p => p.Municipality["municipalities/".Length..], p => p.Name);
        }, cancellationToken);
        var grants = await AwaitAsync(FirstWaveStage.GrantNotices, municipalities, progress, async ct =>
        {
            var listed = await new GrantService.GrantServiceClient(platform.Funding)
                .ListGrantsAsync(new ListGrantsRequest { FundingPeriod = period, PageSize = 100 }, platform.As(Party.Mais, ct));
            return listed.Grants.Where(g => g.State >= GrantState.Issued).ToDictionary(g => g.Municipality["municipalities/".Length..]);
        }, cancellationToken);

        var goesOn = municipalities.Single(m => m.Ags == FirstWaveMunicipality.GoesOnAgs);
        progress?.Report(new FirstWaveProgress(FirstWaveStage.GoesOn, 0, 1, goesOn.DisplayName));
        await new GoesOnAfterNotice(platform).RunAsync(goesOn, grants[goesOn.Ags], cancellationToken);
        progress?.Report(new FirstWaveProgress(FirstWaveStage.GoesOn, 1, 1, goesOn.DisplayName));

        return new FirstWaveOutcome(period, [.. municipalities.Select(m =>
        {
            var grant = grants[m.Ags];
            var total = grant.TotalAmount;
            return new KiOutcome(m.Ags, m.DisplayName, approved[m.Ags].Application.Name, plans[m.Ags], grant.Name, grant.Number,
                total.Units * 100 + total.Nanos / 10_000_000, approved[m.Ags].Trace);
        })], goesOn.Ags);
    }

    /// <summary>The period holding the first day of next month (in Berlin): a grant starts then, so it has whole months ahead.</summary>
    public Task<string> PeriodAheadAsync(CancellationToken cancellationToken) => PeriodAheadAsync(platform.Clock.Today(), cancellationToken);

    /// <summary>
    /// One municipality's application for <paramref name="fundingPeriod"/> taken to approved as the first wave's are
    /// (picked up where it stands); returns its name, <c>applications/{id}</c>.
    /// </summary>
    public async Task<string> ApproveAsync(FirstWaveMunicipality municipality, string fundingPeriod, CancellationToken cancellationToken) =>
        (await new ApplicationJourney(platform, fundingPeriod, platform.Clock.Today()).RunAsync(municipality, cancellationToken)).Approved.Name;

    private async Task<string> PeriodAheadAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var firstOfNextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var periods = await new FundingPeriodService.FundingPeriodServiceClient(platform.Funding)
            .ListFundingPeriodsAsync(new ListFundingPeriodsRequest { PageSize = 100 }, platform.As(Party.Laki, cancellationToken));
        return periods.FundingPeriods.FirstOrDefault(p => p.StartDate.ToDateOnly() <= firstOfNextMonth && firstOfNextMonth <= p.EndDate.ToDateOnly())?.Name
            ?? throw new InvalidOperationException($"Funding has no period that holds {firstOfNextMonth:yyyy-MM-dd}.");
    }

    private async Task<IReadOnlyList<FirstWaveMunicipality>> MunicipalitiesAsync(CancellationToken cancellationToken)
    {
        var listed = await new MunicipalityService.MunicipalityServiceClient(platform.Applications)
            .ListMunicipalitiesAsync(new ListMunicipalitiesRequest { PageSize = 100 }, platform.As(Party.Laki, cancellationToken));
        return [.. listed.Municipalities.Where(m => m.FirstWave).Select(m => new FirstWaveMunicipality(m.Ags, m.DisplayName, m.GovernmentDistrict))];
    }

    private async Task GiveStatewidePartiesMailboxesAsync(CancellationToken cancellationToken)
    {
        var preferences = new DeliveryPreferencesService.DeliveryPreferencesServiceClient(platform.Notifications);
        foreach (var (party, mailbox) in StatewideMailboxes)
        {
            var name = $"recipients/{party.Role}/deliveryPreferences";
            var current = await preferences.GetDeliveryPreferencesAsync(new GetDeliveryPreferencesRequest { Name = name }, platform.As(party, cancellationToken));
            if (current.EmailAddress.Length == 0)
            {
                await preferences.UpdateDeliveryPreferencesAsync(new UpdateDeliveryPreferencesRequest
                {
                    DeliveryPreferences = new DeliveryPreferences { Name = name, EmailAddress = mailbox, Etag = current.Etag },
                    UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "email_address" } },
                    RequestId = Guid.NewGuid().ToString(),
                }, platform.As(party, cancellationToken));
            }
        }
    }

    /// <summary>Reads <paramref name="look"/> until it holds every first-wave municipality, reporting how many it holds.</summary>
    private async Task<Dictionary<string, T>> AwaitAsync<T>(FirstWaveStage stage, IReadOnlyList<FirstWaveMunicipality> municipalities, IProgress<FirstWaveProgress>? progress,
        Func<CancellationToken, Task<Dictionary<string, T>>> look, CancellationToken cancellationToken)
    {
        var deadline = platform.Clock.GetUtcNow() + Patience;
        while (true)
        {
            var found = await look(cancellationToken);
            var done = municipalities.Count(m => found.ContainsKey(m.Ags));
            progress?.Report(new FirstWaveProgress(stage, done, municipalities.Count));
            if (done == municipalities.Count)
            {
                return found;
            }

            if (platform.Clock.GetUtcNow() > deadline)
            {
                var missing = string.Join(", ", municipalities.Where(m => !found.ContainsKey(m.Ags)).Select(m => m.DisplayName));
                throw new TimeoutException($"{stage}: after {Patience} still missing for {missing}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), platform.Clock, cancellationToken);
        }
    }
}
