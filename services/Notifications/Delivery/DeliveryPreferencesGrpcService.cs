using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Infrastructure;
using KiPlatform.Notifications.Inbox;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Security;
using KiPlatform.Rpc.Validation;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Notifications.Delivery;

/// <summary>Each recipient's delivery preferences: read by it (and admin), changed by it alone.</summary>
public sealed class DeliveryPreferencesGrpcService(NotificationsDbContext db, IdempotentCommands<NotificationsDbContext> commands, TimeProvider clock)
    : DeliveryPreferencesService.DeliveryPreferencesServiceBase
{
    public override async Task<DeliveryPreferences> GetDeliveryPreferences(GetDeliveryPreferencesRequest request, ServerCallContext context)
    {
        var recipient = DeliveryPreferencesName.ParseRecipientId(request.Name, "name");
        EnsureOwnOrAdmin(context.Caller(), recipient, toChange: false);
        var preference = await db.DeliveryPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.RecipientId == recipient, context.CancellationToken);
        return ToContract(preference ?? DeliveryPreference.DefaultFor(recipient), stored: preference is not null);
    }

    public override Task<DeliveryPreferences> UpdateDeliveryPreferences(UpdateDeliveryPreferencesRequest request, ServerCallContext context) =>
        commands.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var sent = request.DeliveryPreferences;
            var recipient = DeliveryPreferencesName.ParseRecipientId(sent.Name, "delivery_preferences.name");
            EnsureOwnOrAdmin(context.Caller(), recipient, toChange: true);
            var preference = await db.DeliveryPreferences.SingleOrDefaultAsync(p => p.RecipientId == recipient, ct);
            if (preference is null)
            {
                preference = DeliveryPreference.DefaultFor(recipient);
                db.DeliveryPreferences.Add(preference);
            }
            else
            {
                ETags.EnsureCurrent(sent.Etag, preference.Version, sent.Name);
            }

            var mask = request.UpdateMask;
            preference.Change(
                EditablePaths.Names(mask, "email_address") ? sent.EmailAddress : null,
                EditablePaths.Names(mask, "muted_kinds") ? [.. sent.MutedKinds.Select(k => k.ToString())] : null,
                clock.GetDatabaseNow());
            try
            {
                // Saved here, inside the command's transaction, so the response carries the new row version as its etag.
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (db.ChangeTracker.Entries<DeliveryPreference>().Any())
            {
                throw new ConcurrencyConflictException(sent.Name, $"{sent.Name} was changed meanwhile; get it again and retry.",
                    ConcurrencyConflictException.ConcurrentUpdateReason);
            }

            return ToContract(preference, stored: true);
        });

    /// <summary>Preferences are a recipient's own: it reads and changes them; admin reads everyone's.</summary>
    private static void EnsureOwnOrAdmin(Caller caller, string recipient, bool toChange)
    {
        if (!toChange && caller.IsInRole(Roles.Admin))
        {
            return;
        }

        caller.EnsureMayRead(recipient, ownerOnly: true);
    }

    private static DeliveryPreferences ToContract(DeliveryPreference preference, bool stored) => new()
    {
        Name = DeliveryPreferencesName.Format(preference.RecipientId),
        EmailAddress = preference.EmailAddress,
        MutedKinds = { preference.MutedKinds.Select(k => System.Enum.Parse<NotificationKind>(k)) },
        Etag = stored ? ETags.Format(preference.Version) : "",
        UpdateTime = stored ? Timestamp.FromDateTimeOffset(preference.UpdatedAt) : null,
    };
}
