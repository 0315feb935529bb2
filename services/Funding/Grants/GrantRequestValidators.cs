using FluentValidation;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.Grants;

internal sealed class GetGrantRequestValidator : AbstractValidator<GetGrantRequest>
{
    public GetGrantRequestValidator() => RuleFor(r => r.Name).ResourceName(GrantName.Pattern(), GrantName.Expected);
}

internal sealed class GetGrantNoticeRequestValidator : AbstractValidator<GetGrantNoticeRequest>
{
    public GetGrantNoticeRequestValidator() => RuleFor(r => r.Name).ResourceName(GrantName.Pattern(), GrantName.Expected);
}

internal sealed class ListGrantsRequestValidator : AbstractValidator<ListGrantsRequest>
{
    public ListGrantsRequestValidator()
    {
        RuleFor(r => r.PageSize).PageSize();
        RuleFor(r => r.GovernmentDistrict).GovernmentDistrict();
        RuleFor(r => r.FundingPeriod).Must(p => p.Length == 0 || FundingPeriodName.Pattern().IsMatch(p))
            .WithErrorCode(RequestRules.MalformedName).WithMessage($"Must be empty or {FundingPeriodName.Expected}.");
        RuleFor(r => r.Municipality).Must(m => m.Length == 0 || MunicipalityName.Pattern().IsMatch(m))
            .WithErrorCode(RequestRules.MalformedName).WithMessage("Must be empty or 'municipalities/{ags}'.");
    }
}

internal sealed class WaiveLegalRemedyRequestValidator : AbstractValidator<WaiveLegalRemedyRequest>
{
    public WaiveLegalRemedyRequestValidator()
    {
        RuleFor(r => r.Name).ResourceName(GrantName.Pattern(), GrantName.Expected);
        RuleFor(r => r.RequestId).RequestId();
    }
}

internal sealed class GetGrantAccountRequestValidator : AbstractValidator<GetGrantAccountRequest>
{
    public GetGrantAccountRequestValidator()
    {
        RuleFor(r => r.Name).ResourceName(GrantName.Pattern(), GrantName.Expected);
        RuleFor(r => r.AsOfDate).ValidDate();
    }
}
