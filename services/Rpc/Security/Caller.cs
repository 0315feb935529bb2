using System.Security.Claims;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Rpc.Errors;

namespace KiPlatform.Rpc.Security;

/// <summary>The authenticated caller of an RPC and the resource-level checks made on its behalf.</summary>
public sealed class Caller(ClaimsPrincipal principal)
{
    public const string OtherMunicipalityReason = "OTHER_MUNICIPALITY";

    public string Subject { get; } = principal.FindFirstValue(PlatformClaims.Subject) ?? "";

    /// <summary>The municipality a municipality token acts for; null for the Land's roles.</summary>
    public string? Ags { get; } = principal.IsInRole(Roles.Municipality) ? principal.FindFirstValue(PlatformClaims.Ags) : null;

    public bool IsInRole(string role) => principal.IsInRole(role);

    /// <summary>True when the caller acts for the Land (MAIS, MSW, LaKI, admin) rather than for one municipality.</summary>
    public bool IsStatewide => Roles.Statewide.Any(principal.IsInRole);

    /// <summary>Whether the caller may see and change the data of municipality <paramref name="ags"/>.</summary>
    public bool MayActFor(string ags) => IsStatewide || (Ags is not null && string.Equals(Ags, ags, StringComparison.Ordinal));

    /// <summary>Refuses (PERMISSION_DENIED, reason OTHER_MUNICIPALITY) when a municipality reaches for another's data.</summary>
    public void EnsureMayActFor(string ags)
    {
        if (!MayActFor(ags))
        {
            throw new AccessDeniedException($"This token acts for municipality {Ags ?? "(none)"} and may not reach the data of {ags}.", OtherMunicipalityReason);
        }
    }
}

public static class CallerExtensions
{
    public static Caller Caller(this ServerCallContext context) => new(context.GetHttpContext().User);
}
