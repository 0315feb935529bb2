using KiPlatform.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using KiPlatform.Applications.Municipalities;
using KiPlatform.Applications.V1;
using KiPlatform.Domain;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>The reads: one application (cached), listings, history, and the watch stream.</summary>
public sealed partial class ApplicationGrpcService
{
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    /// <summary>How far before its last look a watch stream looks again: a step's time is taken before its commit.</summary>
    private static readonly TimeSpan CommitGrace = TimeSpan.FromMinutes(1);

    public override async Task<V1.Application> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        var id = ApplicationName.ParseId(request.Name, "name");
        var found = await cache.ApplicationAsync(id, async ct =>
        {
            var application = await Db.Applications.AsNoTracking().Include(a => a.Documents).SingleOrDefaultAsync(a => a.Id == id, ct);
            return application?.ToContract().ToByteArray();
        }, context.CancellationToken) ?? throw new ResourceNotFoundException(request.Name, NotFoundReason);

        var caller = context.Caller();
        caller.EnsureMayActFor(MunicipalityName.ParseAgs(found.Municipality, "municipality"));
        return found.ShownTo(caller);
    }

    public override async Task<ListApplicationsResponse> ListApplications(ListApplicationsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var ags = string.IsNullOrEmpty(request.Municipality) ? caller.Ags : MunicipalityName.ParseAgs(request.Municipality, "municipality");
        if (ags is not null)
        {
            caller.EnsureMayActFor(ags);
        }

        var periodId = string.IsNullOrEmpty(request.FundingPeriod) ? null : FundingPeriodName.ParseId(request.FundingPeriod, "funding_period");
        var status = request.State.ToDomain();
        var district = string.IsNullOrEmpty(request.GovernmentDistrict) ? null : request.GovernmentDistrict;
        var query = new PageQuery(request.PageSize, request.PageToken, $"{context.Method}|{ags}|{periodId}|{status}|{district}", DefaultPageSize, MaxPageSize);

        var applications = Db.Applications.AsNoTracking().Include(a => a.Documents).AsSplitQuery();
        if (ags is not null)
        {
            applications = applications.Where(a => a.Ags == ags);
        }

        if (periodId is not null)
        {
            applications = applications.Where(a => a.PeriodId == periodId);
        }

        if (status is { } wanted)
        {
            applications = applications.Where(a => a.Status == wanted);
        }

        if (district is not null)
        {
            applications = applications.Where(a => Db.Municipalities.Any(m => m.Ags == a.Ags && m.GovernmentDistrict == district));
        }

        var page = await Db.ReadInOneSnapshotAsync(ct => paging.NewestFirstAsync(applications, query, a => a.CreatedAt, a => a.Id, ct), context.CancellationToken);
        return new ListApplicationsResponse
        {
            Applications = { page.Items.Select(a => a.ToContract().ShownTo(caller)) },
            NextPageToken = page.NextPageToken,
        };
    }

    public override async Task<ListApplicationHistoryResponse> ListApplicationHistory(ListApplicationHistoryRequest request, ServerCallContext context)
    {
        var id = ApplicationName.ParseId(request.Name, "name");
        var ags = await AgsOfAsync(id, request.Name, context.CancellationToken);
        context.Caller().EnsureMayActFor(ags);
        var steps = await Db.ApplicationSteps.AsNoTracking()
            .Where(s => s.ApplicationId == id)
            .OrderBy(s => s.Sequence)
            .ToListAsync(context.CancellationToken);
        return new ListApplicationHistoryResponse { Events = { steps.Select(s => s.ToContract()) } };
    }

    public override async Task WatchApplications(WatchApplicationsRequest request, IServerStreamWriter<ApplicationEvent> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        Guid? applicationId = null;
        string ags;
        if (request.TargetCase == WatchApplicationsRequest.TargetOneofCase.Application)
        {
            applicationId = ApplicationName.ParseId(request.Application, "application");
            ags = await AgsOfAsync(applicationId.Value, request.Application, cancellationToken);
        }
        else
        {
            ags = MunicipalityName.ParseAgs(request.Municipality, "municipality");
            if (!await Db.Municipalities.AnyAsync(m => m.Ags == ags, cancellationToken))
            {
                throw new FieldViolationException("municipality", $"No municipality has the AGS {ags}.", MunicipalityUnknownReason);
            }
        }

        context.Caller().EnsureMayActFor(ags);
        using var watcher = wakeUps.Watch(ags);
        // Steps are numbered per application and committed in order, so "the highest sequence seen" per application
        // tells exactly what is new. What exists when the call starts counts as seen.
        var seen = await StepsOf(ags, applicationId, since: null)
            .GroupBy(s => s.ApplicationId)
            .Select(g => new { g.Key, Last = g.Max(s => s.Sequence) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        var lookedAt = clock.GetUtcNow();
        // Headers now tell the caller the watch is in place: every step from here on reaches it.
        await context.WriteResponseHeadersAsync([]);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await watcher.WaitAsync(options.Value.WatchPollInterval, cancellationToken);
                var now = clock.GetUtcNow();
                var recent = await StepsOf(ags, applicationId, since: lookedAt - CommitGrace)
                    .OrderBy(s => s.ApplicationId).ThenBy(s => s.Sequence)
                    .ToListAsync(cancellationToken);
                lookedAt = now;
                foreach (var step in recent.Where(s => s.Sequence > seen.GetValueOrDefault(s.ApplicationId)))
                {
                    await responseStream.WriteAsync(step.ToContract(), cancellationToken);
                    seen[step.ApplicationId] = step.Sequence;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller hung up or its deadline passed: the stream ends there.
        }
    }

    private IQueryable<ApplicationStep> StepsOf(string ags, Guid? applicationId, DateTimeOffset? since)
    {
        var steps = Db.ApplicationSteps.AsNoTracking().Where(s => s.Ags == ags);
        if (applicationId is { } id)
        {
            steps = steps.Where(s => s.ApplicationId == id);
        }

        return since is { } from ? steps.Where(s => s.At >= from) : steps;
    }

    private async Task<string> AgsOfAsync(Guid id, string name, CancellationToken cancellationToken) =>
        await Db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.Ags).SingleOrDefaultAsync(cancellationToken)
        ?? throw new ResourceNotFoundException(name, NotFoundReason);
}
