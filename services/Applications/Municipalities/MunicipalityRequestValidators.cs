using FluentValidation;
using KiPlatform.Applications.Lifecycle;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Applications.Municipalities;

internal sealed class GetMunicipalityRequestValidator : AbstractValidator<GetMunicipalityRequest>
{
    public GetMunicipalityRequestValidator() =>
        RuleFor(r => r.Name).ResourceName(MunicipalityName.Pattern(), MunicipalityName.Expected);
}

internal sealed class ListMunicipalitiesRequestValidator : AbstractValidator<ListMunicipalitiesRequest>
{
    public ListMunicipalitiesRequestValidator()
    {
        RuleFor(r => r.PageSize).PageSize();
        RuleFor(r => r.GovernmentDistrict).GovernmentDistrict();
        RuleFor(r => r.Kind).IsInEnum().WithErrorCode("FIELD_INVALID").WithMessage("Must be one of the MunicipalityKind values.");
    }
}

internal sealed class GetCoverageRequestValidator : AbstractValidator<GetCoverageRequest>
{
    public GetCoverageRequestValidator() =>
        RuleFor(r => r.FundingPeriod).ResourceName(FundingPeriodName.Pattern(), FundingPeriodName.Expected).When(r => r.FundingPeriod.Length > 0);
}
