using KiPlatform.Domain;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Notifications.Inbox;

/// <summary>The recipients every process step may concern, besides the municipalities themselves, and who reads whose inbox.</summary>
public static class Recipients
{
    public const string OtherRecipientReason = "OTHER_RECIPIENT";

    /// <summary>LaKI: Landesweite Koordinierungsstelle, the statewide coordinating office of all KIs.</summary>
    public const string StatewideCoordination = "laki";
    public const string Mais = "mais";
    public const string Msw = "msw";
    public const string Admin = "admin";
    public const string MunicipalityPrefix = "municipality-";

    /// <summary>
    /// A municipality reads its own inbox; MAIS, MSW and LaKI read their own and every municipality's; admin reads all.
    /// </summary>
    /// <param name="ownerOnly">Only the recipient itself: marking items read and changing delivery preferences are its own acts.</param>
    public static void EnsureMayRead(this Caller caller, string recipientId, bool ownerOnly = false)
    {
        if (recipientId.StartsWith(MunicipalityPrefix, StringComparison.Ordinal))
        {
            var ags = recipientId[MunicipalityPrefix.Length..];
            caller.EnsureMayActFor(ags);
            if (ownerOnly && caller.Ags != ags)
            {
                throw new AccessDeniedException($"Only municipality {ags} marks its inbox read.", OtherRecipientReason);
            }

            return;
        }

        var owner = recipientId switch
        {
            StatewideCoordination => Roles.Laki,
            Mais => Roles.Mais,
            Msw => Roles.Msw,
            _ => Roles.Admin,
        };
        if (!caller.IsInRole(owner) && (ownerOnly || !caller.IsInRole(Roles.Admin)))
        {
            throw new AccessDeniedException($"The inbox recipients/{recipientId} belongs to {owner}.", OtherRecipientReason);
        }
    }
}
