using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Contracts;

namespace KiPlatform.FirstWave;

/// <summary>
/// One municipality's application for the period, from wherever it stands to approved: created and submitted by the
/// municipality, reviewed by MAIS and MSW, each step the party it belongs to. Run again, it picks up the open
/// application where it stands, so a second run (or a run cut short) finishes rather than doubles.
/// </summary>
internal sealed class ApplicationJourney(PlatformConnection platform, string fundingPeriod, DateOnly today)
{
    private const int MostSteps = 20;
    private static readonly TimeSpan PeriodPatience = TimeSpan.FromMinutes(2);

    private readonly ApplicationService.ApplicationServiceClient _applications = new(platform.Applications);

    /// <summary>The approved application, and the trace of the call that approved it when this run approved it.</summary>
    public async Task<(Application Approved, string? ApprovalTraceId)> RunAsync(FirstWaveMunicipality municipality, CancellationToken cancellationToken)
    {
        var application = await OpenApplicationAsync(municipality, cancellationToken);
        string? approvalTrace = null;
        for (var step = 0; application.State != ApplicationState.Approved; step++)
        {
            if (step == MostSteps)
            {
                throw new InvalidOperationException($"{application.Name} of {municipality.DisplayName} is still {application.State} after {MostSteps} steps.");
            }

            try
            {
                (application, var trace) = await NextStepAsync(municipality, application, cancellationToken);
                approvalTrace = application.State == ApplicationState.Approved ? trace : approvalTrace;
            }
            catch (RpcException e) when (e.MovedOnMeanwhile())
            {
                application = await _applications.GetApplicationAsync(new GetApplicationRequest { Name = application.Name }, platform.As(Party.Laki, cancellationToken));
            }
        }

        return (application, approvalTrace);
    }

    private async Task<(Application Next, string? TraceId)> NextStepAsync(FirstWaveMunicipality municipality, Application application, CancellationToken cancellationToken)
    {
        var owner = Party.Municipality(municipality.Ags);
        var name = application.Name;
        var etag = application.Etag;
        switch (application.State)
        {
            case ApplicationState.Draft:
                return (await _applications.SubmitApplicationAsync(new SubmitApplicationRequest { Name = name, Etag = etag, RequestId = NewRequestId() }, platform.As(owner, cancellationToken)), null);
            case ApplicationState.Submitted:
                return (await _applications.StartFormalReviewAsync(new StartFormalReviewRequest { Name = name, Etag = etag, RequestId = NewRequestId() }, platform.As(Party.Mais, cancellationToken)), null);
            case ApplicationState.FormalReview when municipality.DocumentsRequested && application.Documents.Count == 0:
                return (await _applications.RequestDocumentsAsync(new RequestDocumentsRequest
                {
                    Name = name, Etag = etag, RequestId = NewRequestId(),
                    Reason = "Bitte reichen Sie den Kreistagsbeschluss zur Einrichtung des Kommunalen Integrationszentrums nach.",
                }, platform.As(Party.Mais, cancellationToken)), null);
            case ApplicationState.DocumentsRequested:
                return (await _applications.ProvideDocumentsAsync(new ProvideDocumentsRequest
                {
                    Name = name, Etag = etag, RequestId = NewRequestId(), Documents = { CouncilResolution(municipality) },
                }, platform.As(owner, cancellationToken)), null);
            case ApplicationState.FormalReview:
                return (await _applications.StartContentReviewAsync(new StartContentReviewRequest { Name = name, Etag = etag, RequestId = NewRequestId() }, platform.As(Party.Msw, cancellationToken)), null);
            case ApplicationState.ContentReview when application.MaisSignOff is null:
                return await SignOffAsync(new SignOffApplicationRequest
                {
                    Name = name, Etag = etag, RequestId = NewRequestId(),
                    Mais = new MaisPart { SpecialistFte = municipality.ApprovedSpecialistFte, AdministrativeFte = 1.0, SupportFte = 0.5 },
                }, Party.Mais, cancellationToken);
            case ApplicationState.ContentReview:
                return await SignOffAsync(new SignOffApplicationRequest
                {
                    Name = name, Etag = etag, RequestId = NewRequestId(), Msw = new MswPart { TeacherFte = 2.0 },
                }, Party.Msw, cancellationToken);
            default:
                throw new InvalidOperationException($"{name} of {municipality.DisplayName} is {application.State}: the first wave cannot go on with it.");
        }
    }

    /// <summary>A sign-off, as the root of a trace of its own: the second one approves, and its trace follows the approval through every service.</summary>
    private async Task<(Application, string?)> SignOffAsync(SignOffApplicationRequest request, Party ministry, CancellationToken cancellationToken)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01" } };
        return (await _applications.SignOffApplicationAsync(request, platform.As(ministry, cancellationToken, headers)), traceId.ToString());
    }

    /// <summary>The municipality's open application for the period, created if it has none.</summary>
    private async Task<Application> OpenApplicationAsync(FirstWaveMunicipality municipality, CancellationToken cancellationToken)
    {
        var owner = Party.Municipality(municipality.Ags);
        // Applications learns of a period from Funding's events: on a stack just started it may not know it yet.
        var deadline = platform.Clock.GetUtcNow() + PeriodPatience;
        while (true)
        {
            var listed = await _applications.ListApplicationsAsync(
                new ListApplicationsRequest { Municipality = $"municipalities/{municipality.Ags}", FundingPeriod = fundingPeriod, PageSize = 100 },
                platform.As(owner, cancellationToken));
            var open = listed.Applications.FirstOrDefault(a => a.State is not (ApplicationState.Rejected or ApplicationState.Withdrawn));
            if (open is not null)
            {
                return open;
            }

            try
            {
                return await _applications.CreateApplicationAsync(
                    new CreateApplicationRequest { RequestId = NewRequestId(), Application = Content(municipality) }, platform.As(owner, cancellationToken));
            }
            catch (RpcException e) when (e.Reason() == "APPLICATION_ALREADY_OPEN")
            {
                // Made meanwhile by another run: list again.
            }
            catch (RpcException e) when (e.Reason() == "FUNDING_PERIOD_UNKNOWN" && platform.Clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), platform.Clock, cancellationToken);
            }
        }
    }

    private Application Content(FirstWaveMunicipality municipality)
    {
        var resolution = today.AddDays(-30 - (int.Parse(municipality.Ags, System.Globalization.CultureInfo.InvariantCulture) % 60));
        return new Application
        {
            Municipality = $"municipalities/{municipality.Ags}",
            FundingPeriod = fundingPeriod,
            CouncilResolutionDate = resolution.ToContract(),
            IntegrationConcept = new IntegrationConcept { AdoptedDate = resolution.AddYears(-1).ToContract() },
            OrganisationalPlacement = "Dezernat für Bildung, Jugend und Integration",
            Priorities = new StatutoryPriorities
            {
                Education = "Sprachbildung und Übergänge entlang der Bildungskette, von der Kita bis in den Beruf",
                CrossCuttingIntegration = "Interkulturelle Öffnung der Verwaltung und Vernetzung der Migrantenorganisationen",
            },
            Contact = new Contact { Name = $"Kommunales Integrationszentrum {municipality.DisplayName}", Email = municipality.ContactEmail },
            RequestedPosts = new Posts { TeacherFte = 2.0, SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
        };
    }

    private Document CouncilResolution(FirstWaveMunicipality municipality)
    {
        var title = $"Beschluss des Kreistags bzw. Rates {municipality.DisplayName} zur Einrichtung des KI";
        return new Document
        {
            Title = title,
            Type = DocumentType.CouncilResolution,
            DocumentDate = today.AddDays(-30).ToContract(),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title))),
            SizeBytes = 48_213,
        };
    }

    private static string NewRequestId() => Guid.NewGuid().ToString();
}
