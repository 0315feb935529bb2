using FluentValidation;
using KiPlatform.Rpc.Validation;
using KiPlatform.Staffing.V1;

namespace KiPlatform.Staffing.PostPlans;

internal sealed class GetPostPlanRequestValidator : AbstractValidator<GetPostPlanRequest>
{
    public GetPostPlanRequestValidator() =>
        RuleFor(r => r.Name).ResourceName(PostPlanName.Pattern(), PostPlanName.Expected);
}
