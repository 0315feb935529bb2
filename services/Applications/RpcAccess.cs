using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Security;

namespace KiPlatform.Applications;

/// <summary>Who may call which RPC of the Applications service. Whose data a caller may reach is checked in the handlers.</summary>
internal static class RpcAccess
{
    private static readonly string[] Reviewers = [Roles.Mais, Roles.Msw];

    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        // The municipality register and the coverage view are public reference data: every role reads them.
        .Allow(MunicipalityService.Descriptor, nameof(MunicipalityService.MunicipalityServiceBase.GetMunicipality), Roles.All)
        .Allow(MunicipalityService.Descriptor, nameof(MunicipalityService.MunicipalityServiceBase.ListMunicipalities), Roles.All)
        .Allow(MunicipalityService.Descriptor, nameof(MunicipalityService.MunicipalityServiceBase.GetCoverage), Roles.All)
        // A municipality writes and hands in its own application, and is the only one that may withdraw it.
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.CreateApplication), Roles.Municipality)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.UpdateApplication), Roles.Municipality)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.SubmitApplication), Roles.Municipality)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.ProvideDocuments), Roles.Municipality)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.WithdrawApplication), Roles.Municipality)
        // The two ministries review and decide.
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.StartFormalReview), Reviewers)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.RequestDocuments), Reviewers)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.StartContentReview), Reviewers)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.SignOffApplication), Reviewers)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.RejectApplication), Reviewers)
        // Everyone reads; a municipality only its own applications (checked per application).
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.GetApplication), Roles.All)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.ListApplications), Roles.All)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.ListApplicationHistory), Roles.All)
        .Allow(ApplicationService.Descriptor, nameof(ApplicationService.ApplicationServiceBase.WatchApplications), Roles.All);
}
