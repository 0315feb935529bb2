using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Applications.Municipalities;
using KiPlatform.Applications.V1;
using KiPlatform.Domain;
using KiPlatform.Infrastructure;
using KiPlatform.Infrastructure.Live;
using KiPlatform.Messaging.Outbox;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>The commands of the application lifecycle: each loads the aggregate, takes one step, and commits the
/// step, its integration event and the idempotency record together.</summary>
public sealed partial class ApplicationGrpcService(
    Deferred<ApplicationsDbContext> database,
    Deferred<IdempotentCommands<ApplicationsDbContext>> idempotentCommands,
    Deferred<EventOutbox<ApplicationsDbContext>> eventOutbox,
    ApplicationReadCache cache,
    LiveWakeUps wakeUps,
    ApplicationMetrics metrics,
    KeysetPaging paging,
    IOptions<ApplicationsOptions> options,
    TimeProvider clock) : ApplicationService.ApplicationServiceBase
{
    public const string NotFoundReason = "APPLICATION_NOT_FOUND";
    public const string AlreadyOpenReason = "APPLICATION_ALREADY_OPEN";
    public const string MunicipalityUnknownReason = "MUNICIPALITY_UNKNOWN";
    public const string PeriodUnknownReason = "FUNDING_PERIOD_UNKNOWN";
    public const string SignOffPartReason = "SIGN_OFF_PART_NOT_YOURS";

    // Resolved when first used: a cached read needs none of them (see Deferred<T>).
    private ApplicationsDbContext Db => database.Value;
    private IdempotentCommands<ApplicationsDbContext> Commands => idempotentCommands.Value;
    private EventOutbox<ApplicationsDbContext> Outbox => eventOutbox.Value;

    public override async Task<V1.Application> CreateApplication(CreateApplicationRequest request, ServerCallContext context)
    {
        var executed = false;
        V1.Application response;
        try
        {
            response = await CreateOnceAsync(request, context, () => executed = true);
        }
        catch (OpenApplicationCreatedMeanwhile race)
        {
            // Its transaction is gone; the open application the other call committed can be read now.
            var existing = await OpenApplicationOfAsync(race.Ags, race.PeriodId, context.CancellationToken);
            throw AlreadyOpen(existing is { } id ? ApplicationName.Format(id) : MunicipalityName.Format(race.Ags), race.Ags, race.PeriodId);
        }

        await AfterCommitAsync(response, executed, decided: null, context.CancellationToken);
        return response;
    }

    private Task<V1.Application> CreateOnceAsync(CreateApplicationRequest request, ServerCallContext context, Action executed) =>
        Commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var caller = context.Caller();
            var ags = MunicipalityName.ParseAgs(request.Application.Municipality, "application.municipality");
            caller.EnsureMayActFor(ags);
            var periodId = FundingPeriodName.ParseId(request.Application.FundingPeriod, "application.funding_period");
            if (!await Db.Municipalities.AnyAsync(m => m.Ags == ags, ct))
            {
                throw new FieldViolationException("application.municipality", $"No municipality has the AGS {ags}.", MunicipalityUnknownReason);
            }

            var caps = await CapsOfAsync(periodId, "application.funding_period", ct);
            if (await OpenApplicationOfAsync(ags, periodId, ct) is { } existing)
            {
                throw AlreadyOpen(ApplicationName.Format(existing), ags, periodId);
            }

            var now = clock.GetDatabaseNow();
            var application = Application.Create(
                Guid.CreateVersion7(now), ags, periodId, request.Application.ToContent(), caps, ActorOf(caller), now);
            Db.Applications.Add(application);
            try
            {
                await Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ApplicationConfiguration.OpenApplicationIndex })
            {
                // Another create for the same municipality and period committed between the check and this insert.
                throw new OpenApplicationCreatedMeanwhile(ags, periodId);
            }

            executed();
            return application.ToContract();
        });

    private Task<Guid?> OpenApplicationOfAsync(string ags, string periodId, CancellationToken cancellationToken) =>
        Db.Applications.AsNoTracking()
            .Where(a => a.Ags == ags && a.PeriodId == periodId && !ApplicationStatuses.MakingRoom.Contains(a.Status))
            .Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A create lost the race for the municipality's one open application; its transaction is rolled back.</summary>
    private sealed class OpenApplicationCreatedMeanwhile(string ags, string periodId) : Exception
    {
        public string Ags { get; } = ags;

        public string PeriodId { get; } = periodId;
    }

    public override Task<V1.Application> UpdateApplication(UpdateApplicationRequest request, ServerCallContext context) =>
        ChangeAsync(request, request.RequestId, request.Application.Name, request.Application.Etag, "application.name", context,
            async (application, _, now, ct) =>
            {
                var merged = application.ToContract();
                var mask = request.UpdateMask is { Paths.Count: > 0 } ? request.UpdateMask : EditableFields.Paths.All;
                mask.Merge(request.Application, merged, new FieldMask.MergeOptions { ReplaceMessageFields = true, ReplaceRepeatedFields = true });
                application.Edit(merged.ToContent(), await CapsOfAsync(application.PeriodId, "application.funding_period", ct), now);
                return null;
            });

    public override Task<V1.Application> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context) =>
        ChangeAsync(request, request.RequestId, request.Name, request.Etag, "name", context,
            (application, actor, now, _) => Task.FromResult<ApplicationStep?>(application.Submit(actor, now)));

    public override Task<V1.Application> WithdrawApplication(WithdrawApplicationRequest request, ServerCallContext context) =>
        ChangeAsync(request, request.RequestId, request.Name, request.Etag, "name", context,
            (application, actor, now, _) => Task.FromResult<ApplicationStep?>(application.Withdraw(actor, ApplicationContract.NullIfEmpty(request.Reason), now)));

    public override Task<V1.Application> StartFormalReview(StartFormalReviewRequest request, ServerCallContext context) =>
        ChangeAsync(request, request.RequestId, request.Name, request.Etag, "name", context,
            (application, actor, now, _) => Task.FromResult<ApplicationStep?>(application.StartFormalReview(actor, now)));

    public override Task<V1.Application> RequestDocuments(RequestDocumentsRequest request, ServerCallContext context) =>
        ChangeAsync(request, request.RequestId, request.Name, request.Etag, "name", context,
            (application, actor, now, _) => Task.FromResult<ApplicationStep?>(application.RequestDocuments(actor, request.Reason.Trim(), now)));

    public override Task<V1.Application> ProvideDocuments(ProvideDocumentsRequest request, ServerCallContext context) =>
        ChangeAsync(request, request.RequestId, request.Name, request.Etag, "name", context,
            (application, actor, now, _) => Task.FromResult<ApplicationStep?>(
                application.ProvideDocuments(request.Documents.Select(d => d.ToDomain()).ToList(), actor, now)));

    public override Task<V1.Application> StartContentReview(StartContentReviewRequest request, ServerCallContext context) =>
        ChangeAsync(request, request.RequestId, request.Name, request.Etag, "name", context,
            (application, actor, now, _) => Task.FromResult<ApplicationStep?>(application.StartContentReview(actor, now)));

    public override Task<V1.Application> SignOffApplication(SignOffApplicationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var (part, role) = request.PartCase == SignOffApplicationRequest.PartOneofCase.Mais ? ("mais", Roles.Mais) : ("msw", Roles.Msw);
        if (!caller.IsInRole(role))
        {
            throw new AccessDeniedException($"Only the {role} role signs off the {part} part.", SignOffPartReason);
        }

        var reason = ApplicationContract.NullIfEmpty(request.Reason);
        return ChangeAsync(request, request.RequestId, request.Name, request.Etag, "name", context,
            (application, actor, now, _) => Task.FromResult<ApplicationStep?>(request.PartCase == SignOffApplicationRequest.PartOneofCase.Mais
                ? application.SignOffMais((decimal)request.Mais.SpecialistFte, (decimal)request.Mais.AdministrativeFte, (decimal)request.Mais.SupportFte, actor, reason, now)
                : application.SignOffMsw((decimal)request.Msw.TeacherFte, actor, reason, now)));
    }

    public override Task<V1.Application> RejectApplication(RejectApplicationRequest request, ServerCallContext context) =>
        ChangeAsync(request, request.RequestId, request.Name, request.Etag, "name", context,
            (application, actor, now, _) => Task.FromResult<ApplicationStep?>(application.Reject(actor, request.Reason.Trim(), now)));

    /// <summary>
    /// One command on one application, at most once per request_id: checks the caller may act for the application's
    /// municipality and that the etag is current, takes the step, publishes its event through the outbox, and commits.
    /// </summary>
    private async Task<V1.Application> ChangeAsync<TRequest>(
        TRequest request, string requestId, string name, string etag, string nameField, ServerCallContext context,
        Func<Application, Actor, DateTimeOffset, CancellationToken, Task<ApplicationStep?>> step)
        where TRequest : IMessage<TRequest>
    {
        // Set only when this call took the step (not when it replays a stored response): the cache then takes the
        // response as the current version, and a decision is measured once.
        var executed = false;
        Application? decided = null;
        var response = await Commands.ExecuteAsync(request, requestId, context, async ct =>
        {
            var caller = context.Caller();
            var id = ApplicationName.ParseId(name, nameField);
            var application = await Db.Applications.Include(a => a.Documents).SingleOrDefaultAsync(a => a.Id == id, ct)
                ?? throw new ResourceNotFoundException(name, NotFoundReason);
            caller.EnsureMayActFor(application.Ags);
            ETags.EnsureCurrent(etag, application.Version, name);
            var before = application.Status;
            var now = clock.GetDatabaseNow();
            var taken = await step(application, ActorOf(caller), now, ct);
            if (taken is not null && LifecycleEvents.For(application, taken) is { } @event)
            {
                Outbox.Add(@event);
            }

            if (taken is { Approves: true })
            {
                (await Db.Municipalities.SingleAsync(m => m.Ags == application.Ags, ct)).RecordApproval(taken);
            }

            // Saved here, inside the command's transaction, so the response carries the new row version as its etag.
            try
            {
                await Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
                || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another command on this application committed first: its row version moved on, or it took the step
                // or document positions this one counted on. Nothing of this call was committed.
                throw new ConcurrencyConflictException(name,
                    $"{name} was changed by another call meanwhile; get it again and retry.", ConcurrencyConflictException.ConcurrentUpdateReason);
            }
            decided = application.Status is ApplicationStatus.Approved or ApplicationStatus.Rejected && before != application.Status ? application : null;
            executed = true;
            return application.ToContract();
        });
        await AfterCommitAsync(response, executed, decided, context.CancellationToken);
        return response;
    }

    /// <summary>
    /// Once committed: the cache holds the application as committed (a replayed response may be older than the current
    /// version, so a replay only drops the entry), the coverage is dropped after an approval, watchers are woken, and a
    /// decision taken by this call is measured. None of it is needed for correctness of the record.
    /// </summary>
    private async Task AfterCommitAsync(V1.Application response, bool executed, Application? decided, CancellationToken cancellationToken)
    {
        var id = ApplicationName.ParseId(response.Name, "name");
        var ags = MunicipalityName.ParseAgs(response.Municipality, "municipality");
        var coverageToo = response.State == V1.ApplicationState.Approved;
        if (executed)
        {
            await cache.ChangedAsync(id, response.ToByteArray(), coverageToo, cancellationToken);
        }
        else
        {
            await cache.ForgetApplicationAsync(id, coverageToo, cancellationToken);
        }

        await wakeUps.AnnounceAsync(ags);
        if (decided is { SubmittedAt: { } submitted, ClosedAt: { } closed })
        {
            metrics.RecordDecision(decided.Status, closed - submitted);
        }
    }

    private async Task<FteByCategory> CapsOfAsync(string periodId, string field, CancellationToken cancellationToken) =>
        (await Db.PeriodPostCaps.AsNoTracking().SingleOrDefaultAsync(c => c.PeriodId == periodId, cancellationToken))?.Caps
        ?? throw new FieldViolationException(field, $"No funding period '{periodId}' is open for applications.", PeriodUnknownReason);

    private static ResourceAlreadyExistsException AlreadyOpen(string existing, string ags, string periodId) =>
        new(existing, $"Municipality {ags} already has an application for period {periodId} that is neither rejected nor withdrawn ({existing}).", AlreadyOpenReason);

    private static Actor ActorOf(Caller caller) => new(caller.Subject, Roles.All.First(caller.IsInRole));
}
