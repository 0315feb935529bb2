using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Applications;

/// <summary>Who may call which RPC of the Applications service. Whose data a caller may reach is checked in the handlers.</summary>
internal static class RpcAccess
{
    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        // The municipality register is public reference data: every role reads it.
        .Allow(MunicipalityService.Descriptor, nameof(MunicipalityService.MunicipalityServiceBase.GetMunicipality), Roles.All);
}
