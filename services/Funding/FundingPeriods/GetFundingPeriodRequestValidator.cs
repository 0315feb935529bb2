using FluentValidation;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.FundingPeriods;

internal sealed class GetFundingPeriodRequestValidator : AbstractValidator<GetFundingPeriodRequest>
{
    public GetFundingPeriodRequestValidator() =>
        RuleFor(r => r.Name).ResourceName(FundingPeriodName.Pattern(), FundingPeriodName.Expected);
}
