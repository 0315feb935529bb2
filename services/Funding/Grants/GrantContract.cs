using KiPlatform.Rpc.Security;

namespace KiPlatform.Funding.Grants;

internal static class GrantContract
{
    /// <summary>
    /// The grant as <paramref name="caller"/> may see it: MSW allocates the teacher posts and has no part in the MAIS money,
    /// so for MSW the amounts are left unset; everyone else who reaches a grant sees it whole.
    /// </summary>
    public static V1.Grant As(this V1.Grant grant, Caller caller)
    {
        if (!caller.IsInRole(Roles.Msw))
        {
            return grant;
        }

        grant.SpecialistAmount = null;
        grant.AdministrativeAmount = null;
        grant.SupportAmount = null;
        grant.TotalAmount = null;
        foreach (var step in grant.History)
        {
            step.Amount = null;
        }

        return grant;
    }
}
