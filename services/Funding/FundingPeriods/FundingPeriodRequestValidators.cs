using System.Linq.Expressions;
using FluentValidation;
using Google.Type;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.FundingPeriods;

internal sealed class GetFundingPeriodRequestValidator : AbstractValidator<GetFundingPeriodRequest>
{
    public GetFundingPeriodRequestValidator() =>
        RuleFor(r => r.Name).ResourceName(FundingPeriodName.Pattern(), FundingPeriodName.Expected);
}

internal sealed class ListFundingPeriodsRequestValidator : AbstractValidator<ListFundingPeriodsRequest>
{
    public ListFundingPeriodsRequestValidator() => RuleFor(r => r.PageSize).PageSize();
}

internal sealed class GetFundingOverviewRequestValidator : AbstractValidator<GetFundingOverviewRequest>
{
    public GetFundingOverviewRequestValidator() =>
        RuleFor(r => r.FundingPeriod).ResourceName(FundingPeriodName.Pattern(), FundingPeriodName.Expected);
}

internal sealed class UpdateFundingPeriodRequestValidator : AbstractValidator<UpdateFundingPeriodRequest>
{
    private const int ReasonMaxLength = 500;
    private const int CapMaxMilli = 10_000;

    public UpdateFundingPeriodRequestValidator()
    {
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Reason).Must(text => !string.IsNullOrWhiteSpace(text)).WithErrorCode(RequestRules.FieldRequired)
            .WithMessage("Must say why; it is kept in the period's history.");
        RuleFor(r => r.Reason).MaximumLength(ReasonMaxLength);
        RuleForEach(r => r.UpdateMask.Paths)
            .Must(FundingPeriodFields.Paths.IsEditable)
            .WithErrorCode(EditablePaths.UnknownPathReason)
            .WithMessage($"Must name a field admin changes ({string.Join(", ", FundingPeriodFields.Paths.TopLevel)}) or a field inside one.")
            .When(r => r.UpdateMask is not null);
        RuleFor(r => r.FundingPeriod).NotNull().WithMessage("Must hold the period's new values and its name.");
        When(r => r.FundingPeriod is not null, () =>
        {
            RuleFor(r => r.FundingPeriod.Name).ResourceName(FundingPeriodName.Pattern(), FundingPeriodName.Expected);
            Amount(FundingPeriodFields.Budget, r => r.FundingPeriod.Budget);
            Amount(FundingPeriodFields.SpecialistRate, r => r.FundingPeriod.SpecialistRatePerFteYear);
            Amount(FundingPeriodFields.AdministrativeRate, r => r.FundingPeriod.AdministrativeRatePerFteYear);
            Amount(FundingPeriodFields.SupportRate, r => r.FundingPeriod.SupportRatePerHalfFteYear);
            RuleFor(r => r.FundingPeriod.StartDate).NotNull().WithErrorCode(RequestRules.FieldRequired).WithMessage("Must be set when the mask names it.")
                .When(r => EditablePaths.Names(r.UpdateMask, FundingPeriodFields.StartDate));
            RuleFor(r => r.FundingPeriod.EndDate).NotNull().WithErrorCode(RequestRules.FieldRequired).WithMessage("Must be set when the mask names it.")
                .When(r => EditablePaths.Names(r.UpdateMask, FundingPeriodFields.EndDate));
            RuleFor(r => r.FundingPeriod.StartDate).ValidDate();
            RuleFor(r => r.FundingPeriod.EndDate).ValidDate();
            RuleFor(r => r.FundingPeriod.PostCaps).NotNull().WithErrorCode(RequestRules.FieldRequired).WithMessage("Must be set when the mask names it.")
                .When(r => EditablePaths.Names(r.UpdateMask, FundingPeriodFields.PostCaps));
            When(r => r.FundingPeriod.PostCaps is not null, () =>
            {
                Cap(r => r.FundingPeriod.PostCaps.TeacherFteMilli);
                Cap(r => r.FundingPeriod.PostCaps.SpecialistFteMilli);
                Cap(r => r.FundingPeriod.PostCaps.AdministrativeFteMilli);
                Cap(r => r.FundingPeriod.PostCaps.SupportFteMilli);
            });
        });
    }

    private void Amount(string field, Expression<Func<UpdateFundingPeriodRequest, Money?>> amount)
    {
        RuleFor(amount).NotNull().WithErrorCode(RequestRules.FieldRequired).WithMessage("Must be set when the mask names it.")
            .When(r => EditablePaths.Names(r.UpdateMask, field));
        RuleFor(amount).Must(m => m is null || Euro.IsWholeCents(m)).WithErrorCode("FIELD_MALFORMED")
            .WithMessage("Must be a euro amount (currency_code EUR) of zero or more, in whole cents.");
    }

    private void Cap(Expression<Func<UpdateFundingPeriodRequest, int>> cap) =>
        RuleFor(cap).InclusiveBetween(0, CapMaxMilli).Must(milli => milli % 500 == 0).WithErrorCode("FIELD_OUT_OF_RANGE")
            .WithMessage("Must be 0 to 10 FTE in steps of 0.5 (0 to 10000 thousandths, multiples of 500).");
}
