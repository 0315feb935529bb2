using KiPlatform.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Contracts;
using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>
/// The commands on a plan: each loads the plan, checks who may act on the post, takes one step in the domain, and
/// commits the change, its integration events and the idempotency record together. Every change updates the plan's
/// row, so two commands on one plan at once cannot both pass a rule such as the post's capacity.
/// </summary>
public sealed partial class PostPlanGrpcService
{
    public override Task<V1.PostPlan> FillPost(FillPostRequest request, ServerCallContext context)
    {
        var (ags, postId) = PostName.Parse(request.Post, "post");
        return OnPlanAsync(ags, request.Etag, request, request.RequestId, context, (plan, now) =>
        {
            var post = plan.PostById(postId);
            EnsureMayStaff(context.Caller(), ags, post.Category);
            var o = request.Occupant;
            var occupancy = plan.Fill(postId, o.StaffId, o.DisplayName.Trim(), o.ShareMilli, o.StartDate.ToDateOnly()!.Value, o.EndDate.ToDateOnly(),
                string.IsNullOrWhiteSpace(o.SecondmentReference) ? null : o.SecondmentReference.Trim(), now);
            Outbox.Add(PostPlanEvents.Filled(plan, post, occupancy, now));
        });
    }

    public override Task<V1.PostPlan> VacatePost(VacatePostRequest request, ServerCallContext context)
    {
        var (ags, postId) = PostName.Parse(request.Post, "post");
        return OnPlanAsync(ags, request.Etag, request, request.RequestId, context, (plan, now) =>
        {
            var post = plan.PostById(postId);
            EnsureMayStaff(context.Caller(), ags, post.Category);
            var reason = (VacateReason)(int)request.Reason;
            var (ended, closed) = plan.Vacate(postId, request.StaffId, request.LastDay.ToDateOnly()!.Value, reason, now);
            Outbox.Add(PostPlanEvents.Vacated(plan, post, ended, reason.ToString(), now));
            if (closed is not null)
            {
                Outbox.Add(PostPlanEvents.Changed(plan, added: [], cut: [closed], applicationId: null, now));
            }
        });
    }

    public override Task<V1.PostPlan> ChangeShare(ChangeShareRequest request, ServerCallContext context)
    {
        var (ags, postId) = PostName.Parse(request.Post, "post");
        return OnPlanAsync(ags, request.Etag, request, request.RequestId, context, (plan, now) =>
        {
            var post = plan.PostById(postId);
            EnsureMayStaff(context.Caller(), ags, post.Category);
            var (ended, started) = plan.ChangeShare(postId, request.StaffId, request.EffectiveDate.ToDateOnly()!.Value, request.ShareMilli, now);
            Outbox.Add(PostPlanEvents.Vacated(plan, post, ended, "ShareChanged", now));
            Outbox.Add(PostPlanEvents.Filled(plan, post, started, now));
        });
    }

    public override Task<V1.PostPlan> AppointLead(AppointLeadRequest request, ServerCallContext context)
    {
        var ags = PostPlanName.ParseAgs(request.Name, "name");
        return OnPlanAsync(ags, request.Etag, request, request.RequestId, context, (plan, now) =>
            plan.AppointLead(request.StaffId, deputy: request.Role == LeadRole.DeputyHead, clock.Today(), now));
    }

    /// <summary>
    /// Teacher posts are MSW's to staff (secondments), the other posts the owning municipality's; admin may do both.
    /// </summary>
    private static void EnsureMayStaff(Caller caller, string ags, PostCategory category)
    {
        caller.EnsureMayActFor(ags);
        if (caller.IsInRole(Roles.Admin))
        {
            return;
        }

        var ministry = category.MinistryOf();
        var mayStaff = ministry == Ministry.Msw ? caller.IsInRole(Roles.Msw) : caller.Ags == ags;
        if (!mayStaff)
        {
            throw new AccessDeniedException(ministry == Ministry.Msw
                ? "Teacher posts are staffed by MSW, which seconds the teachers."
                : "The posts MAIS funds are staffed by the municipality whose KI it is.", StaffingReasons.CategoryNotYours);
        }
    }

    private async Task<V1.PostPlan> OnPlanAsync<TRequest>(
        string ags, string etag, TRequest request, string requestId, ServerCallContext context, Action<PostPlan, DateTimeOffset> change)
        where TRequest : IMessage<TRequest>
    {
        var executed = false;
        var name = PostPlanName.Format(ags);
        var response = await Commands.ExecuteAsync(request, requestId, context, async ct =>
        {
            context.Caller().EnsureMayActFor(ags);
            var plan = await PlanAsync(ags, tracked: true, ct);
            ETags.EnsureCurrent(etag, plan.Version, name);
            change(plan, clock.GetDatabaseNow());
            // Saved here, inside the command's transaction, so the response carries the new row version as its etag.
            try
            {
                await Db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(name, $"{name} was changed by another call meanwhile; get it again and retry.",
                    ConcurrencyConflictException.ConcurrentUpdateReason);
            }

            executed = true;
            return plan.ToContract(clock.Today());
        });
        // The cache gets the plan as committed; a replayed response may be older than the plan now, so a replay drops it.
        if (executed)
        {
            await cache.ChangedAsync(ags, response.ToByteArray(), context.CancellationToken);
        }
        else
        {
            await cache.ForgetAsync(ags, context.CancellationToken);
        }

        return response.As(context.Caller());
    }
}
