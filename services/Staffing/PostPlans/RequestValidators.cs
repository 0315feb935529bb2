using FluentValidation;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;
using KiPlatform.Staffing.V1;

namespace KiPlatform.Staffing.PostPlans;

internal sealed class GetPostPlanRequestValidator : AbstractValidator<GetPostPlanRequest>
{
    public GetPostPlanRequestValidator() => RuleFor(r => r.Name).ResourceName(PostPlanName.Pattern(), PostPlanName.Expected);
}

internal sealed class ListPostPlansRequestValidator : AbstractValidator<ListPostPlansRequest>
{
    public ListPostPlansRequestValidator()
    {
        RuleFor(r => r.PageSize).PageSize();
        RuleFor(r => r.GovernmentDistrict).GovernmentDistrict();
        RuleFor(r => r.FundingPeriod).Matches(FundingPeriodName.Pattern()).When(r => r.FundingPeriod.Length > 0)
            .WithErrorCode(RequestRules.MalformedName).WithMessage($"Must be empty or {FundingPeriodName.Expected}.");
    }
}

internal sealed class GetPostRequestValidator : AbstractValidator<GetPostRequest>
{
    public GetPostRequestValidator() => RuleFor(r => r.Name).ResourceName(PostName.Pattern(), PostName.Expected);
}

internal sealed class FillPostRequestValidator : AbstractValidator<FillPostRequest>
{
    public FillPostRequestValidator()
    {
        RuleFor(r => r.Post).ResourceName(PostName.Pattern(), PostName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Occupant).NotNull().WithErrorCode(RequestRules.FieldRequired).WithMessage("Required: who takes which share, from when.");
        RuleFor(r => r.Occupant.StaffId).StaffId().When(r => r.Occupant is not null);
        RuleFor(r => r.Occupant.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).When(r => r.Occupant is not null)
            .WithErrorCode(RequestRules.FieldRequired).WithMessage("Required: the person's name, as those entitled see it.")
            .MaximumLength(PostPlanConfiguration.DisplayNameMaxLength).WithErrorCode("FIELD_LENGTH");
        RuleFor(r => r.Occupant.StartDate).RequiredDate().When(r => r.Occupant is not null);
        RuleFor(r => r.Occupant.EndDate).ValidDate().When(r => r.Occupant is not null);
        RuleFor(r => r.Occupant.SecondmentReference).MaximumLength(PostPlanConfiguration.SecondmentReferenceMaxLength)
            .WithErrorCode("FIELD_LENGTH").When(r => r.Occupant is not null);
    }
}

internal sealed class VacatePostRequestValidator : AbstractValidator<VacatePostRequest>
{
    public VacatePostRequestValidator()
    {
        RuleFor(r => r.Post).ResourceName(PostName.Pattern(), PostName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.StaffId).StaffId();
        RuleFor(r => r.LastDay).RequiredDate();
        RuleFor(r => r.Reason).NotEqual(V1.VacateReason.Unspecified).WithErrorCode(RequestRules.FieldRequired).WithMessage("Required: why the share ends.");
    }
}

internal sealed class ChangeShareRequestValidator : AbstractValidator<ChangeShareRequest>
{
    public ChangeShareRequestValidator()
    {
        RuleFor(r => r.Post).ResourceName(PostName.Pattern(), PostName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.StaffId).StaffId();
        RuleFor(r => r.EffectiveDate).RequiredDate();
    }
}

internal sealed class AppointLeadRequestValidator : AbstractValidator<AppointLeadRequest>
{
    public AppointLeadRequestValidator()
    {
        RuleFor(r => r.Name).ResourceName(PostPlanName.Pattern(), PostPlanName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.StaffId).StaffId();
        RuleFor(r => r.Role).NotEqual(LeadRole.Unspecified).WithErrorCode(RequestRules.FieldRequired).WithMessage("Required: head or deputy head.");
    }
}

internal sealed class GetPlanVacancyRequestValidator : AbstractValidator<GetPlanVacancyRequest>
{
    public GetPlanVacancyRequestValidator()
    {
        RuleFor(r => r.Name).ResourceName(PostPlanName.Pattern(), PostPlanName.Expected);
        RuleFor(r => r.FundingPeriod).ResourceName(FundingPeriodName.Pattern(), FundingPeriodName.Expected);
    }
}

internal sealed class GetFillRatesRequestValidator : AbstractValidator<GetFillRatesRequest>
{
    public GetFillRatesRequestValidator() => RuleFor(r => r.Date).ValidDate();
}

internal sealed class ListLongVacanciesRequestValidator : AbstractValidator<ListLongVacanciesRequest>
{
    public ListLongVacanciesRequestValidator()
    {
        RuleFor(r => r.PageSize).PageSize();
        RuleFor(r => r.MinMonths).InclusiveBetween(0, 120).WithErrorCode("FIELD_INVALID").WithMessage("Must be 0 (the configured default) to 120 months.");
        RuleFor(r => r.Date).ValidDate();
    }
}

/// <summary>Field rules the post plan's requests share.</summary>
internal static partial class PostPlanRules
{
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex StaffIdPattern();

    public static IRuleBuilderOptions<T, string> StaffId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(id => !string.IsNullOrEmpty(id)).WithErrorCode(RequestRules.FieldRequired).WithMessage("Required: the pseudonymous staff id.")
            .Must(id => string.IsNullOrEmpty(id) || StaffIdPattern().IsMatch(id))
            .WithErrorCode("FIELD_MALFORMED").WithMessage("Must be 1 to 64 letters, digits and hyphens: a pseudonym, not a name.");

    public static IRuleBuilderOptions<T, Google.Type.Date?> RequiredDate<T>(this IRuleBuilder<T, Google.Type.Date?> rule) =>
        rule.Must(date => date is not null && (date.Year, date.Month, date.Day) != (0, 0, 0))
            .WithErrorCode(RequestRules.FieldRequired).WithMessage("Required: a calendar date.")
            .ValidDate();
}
