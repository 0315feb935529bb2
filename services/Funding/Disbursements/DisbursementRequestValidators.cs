using FluentValidation;
using KiPlatform.Funding.Grants;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.Disbursements;

internal sealed class RequestDisbursementRequestValidator : AbstractValidator<RequestDisbursementRequest>
{
    public RequestDisbursementRequestValidator()
    {
        RuleFor(r => r.Parent).ResourceName(GrantName.Pattern(), GrantName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Amount).PositiveEuro();
        RuleFor(r => r.TwoMonthNeed).PositiveEuro();
    }
}

internal sealed class ApproveDisbursementRequestValidator : AbstractValidator<ApproveDisbursementRequest>
{
    public ApproveDisbursementRequestValidator()
    {
        RuleFor(r => r.Name).ResourceName(DisbursementName.Pattern(), DisbursementName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.PaymentDate).ValidDate();
    }
}

internal sealed class RefuseDisbursementRequestValidator : AbstractValidator<RefuseDisbursementRequest>
{
    public RefuseDisbursementRequestValidator()
    {
        RuleFor(r => r.Name).ResourceName(DisbursementName.Pattern(), DisbursementName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Reason).Reason();
    }
}

internal sealed class ListDisbursementsRequestValidator : AbstractValidator<ListDisbursementsRequest>
{
    public const string AllGrants = "grants/-";

    public ListDisbursementsRequestValidator()
    {
        RuleFor(r => r.Parent).Must(p => p == AllGrants || GrantName.Pattern().IsMatch(p)).WithErrorCode(RequestRules.MalformedName)
            .WithMessage($"Must be '{AllGrants}' or {GrantName.Expected}.");
        RuleFor(r => r.PageSize).PageSize();
        RuleFor(r => r.State).IsInEnum().WithErrorCode("FIELD_INVALID");
        RuleFor(r => r.Municipality).Must(m => m.Length == 0 || MunicipalityName.Pattern().IsMatch(m))
            .WithErrorCode(RequestRules.MalformedName).WithMessage("Must be empty or 'municipalities/{ags}'.");
    }
}
