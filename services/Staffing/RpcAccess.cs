using KiPlatform.Rpc.Security;
using KiPlatform.Staffing.V1;

namespace KiPlatform.Staffing;

/// <summary>Who may call which RPC of the Staffing service. Whose plan and which posts a caller may reach is checked in the handlers.</summary>
internal static class RpcAccess
{
    private static readonly string[] Staffers = [Roles.Municipality, Roles.Msw, Roles.Admin];
    private static readonly string[] Overseers = [Roles.Mais, Roles.Msw, Roles.Laki, Roles.Admin];

    public static RpcAccessRules Rules { get; } = new RpcAccessRules()
        // Every role reads plans, a municipality only its own; names are withheld from those not entitled to them.
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.GetPostPlan), Roles.All)
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.ListPostPlans), Roles.All)
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.GetPost), Roles.All)
        // Funding asks for the vacancy it deducts; the municipality and the ministries see it too.
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.GetPlanVacancy), Roles.All)
        // MSW seconds the teachers; the municipality staffs the posts MAIS funds (checked per post in the handler).
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.FillPost), Staffers)
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.VacatePost), Staffers)
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.ChangeShare), Staffers)
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.AppointLead), Roles.Municipality, Roles.Admin)
        // The statewide overviews are for the Land.
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.GetFillRates), Overseers)
        .Allow(PostPlanService.Descriptor, nameof(PostPlanService.PostPlanServiceBase.ListLongVacancies), Overseers);
}
