using Grpc.Core;
using KiPlatform.Applications.V1;
using static KiPlatform.Integration.Tests.Applications.ApplicationRequests;
using static KiPlatform.Integration.Tests.Applications.ApplicationsServiceHost;

namespace KiPlatform.Integration.Tests.Applications;

/// <summary>
/// Overlapping calls of one command on one application, each its own intent (its own request_id, no etag): each ends
/// in OK, ABORTED (another call changed the application first) or FAILED_PRECONDITION (another call already took the
/// step), never INTERNAL, and the history holds the step once.
/// </summary>
public sealed class ConcurrentCommandTests(ServersFixture servers) : IAsyncLifetime
{
    private const string Ags = "05966"; // Kreis Olpe
    private const int Overlapping = 6;

    private ApplicationsServiceHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApplicationService.ApplicationServiceClient Client => _host.Applications;

    public async ValueTask InitializeAsync() => _host = await ApplicationsServiceHost.StartAsync(servers, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Commands() =>
    [
        "UpdateApplication", "SubmitApplication", "WithdrawApplication", "ProvideDocuments", "StartFormalReview",
        "RequestDocuments", "StartContentReview", "SignOffApplication", "RejectApplication",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Overlapping_calls_end_in_ok_aborted_or_failed_precondition(string command)
    {
        var name = await ApplicationReadyForAsync(command);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Overlapping).Select(_ => OutcomeAsync(() => CallAsync(command, name))));

        Assert.All(outcomes, outcome => Assert.Contains(outcome, new[] { StatusCode.OK, StatusCode.Aborted, StatusCode.FailedPrecondition }));
        var succeeded = outcomes.Count(outcome => outcome == StatusCode.OK);
        if (command is "UpdateApplication" or "ProvideDocuments")
        {
            Assert.InRange(succeeded, 1, Overlapping); // each an edit of its own
        }
        else
        {
            Assert.Equal(1, succeeded); // a step is taken once
        }
    }

    [Fact]
    public async Task Overlapping_creates_for_one_municipality_and_period_make_one_application_and_name_it_to_the_others()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Overlapping).Select(async _ =>
        {
            try
            {
                return (Created: (await Client.CreateApplicationAsync(Create(Ags), Municipality(Ags), cancellationToken: Ct)).Name, Refused: (RpcException?)null);
            }
            catch (RpcException refused)
            {
                return (Created: (string?)null, Refused: refused);
            }
        }));

        var created = Assert.Single(outcomes, o => o.Created is not null).Created;
        Assert.All(outcomes.Where(o => o.Refused is not null), o =>
        {
            Assert.Equal(StatusCode.AlreadyExists, o.Refused!.StatusCode);
            Assert.Equal(created, o.Refused.Detail<Google.Rpc.ResourceInfo>().ResourceName);
        });
    }

    private async Task<string> ApplicationReadyForAsync(string command)
    {
        var owner = Municipality(Ags);
        var name = (await Client.CreateApplicationAsync(Create(Ags), owner, cancellationToken: Ct)).Name;
        if (command is "UpdateApplication" or "SubmitApplication" or "WithdrawApplication" or "ProvideDocuments")
        {
            return name;
        }

        await Client.SubmitApplicationAsync(new SubmitApplicationRequest { Name = name, RequestId = NewId() }, owner, cancellationToken: Ct);
        if (command is "StartFormalReview")
        {
            return name;
        }

        await Client.StartFormalReviewAsync(new StartFormalReviewRequest { Name = name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        if (command is "SignOffApplication")
        {
            await Client.StartContentReviewAsync(new StartContentReviewRequest { Name = name, RequestId = NewId() }, Mais, cancellationToken: Ct);
        }

        return name;
    }

    private Task<Application> CallAsync(string command, string name) => command switch
    {
        "UpdateApplication" => Client.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            Application = new Application { Name = name, OrganisationalPlacement = $"Amt {Guid.NewGuid():N}" }, UpdateMask = Mask("organisational_placement"), RequestId = NewId(),
        }, Municipality(Ags), cancellationToken: Ct).ResponseAsync,
        "SubmitApplication" => Client.SubmitApplicationAsync(new SubmitApplicationRequest { Name = name, RequestId = NewId() }, Municipality(Ags), cancellationToken: Ct).ResponseAsync,
        "WithdrawApplication" => Client.WithdrawApplicationAsync(new WithdrawApplicationRequest { Name = name, RequestId = NewId() }, Municipality(Ags), cancellationToken: Ct).ResponseAsync,
        "ProvideDocuments" => Client.ProvideDocumentsAsync(new ProvideDocumentsRequest
        {
            Name = name,
            RequestId = NewId(),
            Documents =
            {
                new Document
                {
                    Title = "Anlage", Type = DocumentType.Other, DocumentDate = new Google.Type.Date { Year = 2013, Month = 3, Day = 1 },
                    Sha256 = new string('e', 64), SizeBytes = 1,
                },
            },
        }, Municipality(Ags), cancellationToken: Ct).ResponseAsync,
        "StartFormalReview" => Client.StartFormalReviewAsync(new StartFormalReviewRequest { Name = name, RequestId = NewId() }, Mais, cancellationToken: Ct).ResponseAsync,
        "RequestDocuments" => Client.RequestDocumentsAsync(new RequestDocumentsRequest { Name = name, RequestId = NewId(), Reason = "Beschluss fehlt" }, Mais, cancellationToken: Ct).ResponseAsync,
        "StartContentReview" => Client.StartContentReviewAsync(new StartContentReviewRequest { Name = name, RequestId = NewId() }, Mais, cancellationToken: Ct).ResponseAsync,
        "SignOffApplication" => Client.SignOffApplicationAsync(new SignOffApplicationRequest
        {
            Name = name, RequestId = NewId(), Mais = new MaisPart { SpecialistFte = 2.0, AdministrativeFte = 1.0, SupportFte = 0.5 },
        }, Mais, cancellationToken: Ct).ResponseAsync,
        "RejectApplication" => Client.RejectApplicationAsync(new RejectApplicationRequest { Name = name, RequestId = NewId(), Reason = "Nicht förderfähig" }, Mais, cancellationToken: Ct).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "no such command"),
    };

    private static async Task<StatusCode> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }
}
