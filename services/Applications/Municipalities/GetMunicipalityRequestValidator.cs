using FluentValidation;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Applications.Municipalities;

internal sealed class GetMunicipalityRequestValidator : AbstractValidator<GetMunicipalityRequest>
{
    public GetMunicipalityRequestValidator() =>
        RuleFor(r => r.Name).ResourceName(MunicipalityName.Pattern(), MunicipalityName.Expected);
}
