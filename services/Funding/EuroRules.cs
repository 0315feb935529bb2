using FluentValidation;
using Google.Type;
using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding;

/// <summary>Request rules for euro amounts: <c>google.type.Money</c> in EUR and whole cents.</summary>
internal static class EuroRules
{
    public const string OutOfRange = "FIELD_OUT_OF_RANGE";

    /// <summary>Set, in EUR and whole cents, above zero.</summary>
    public static IRuleBuilderOptions<T, Money?> PositiveEuro<T>(this IRuleBuilder<T, Money?> rule) =>
        rule.Must(m => m is not null).WithErrorCode(RequestRules.FieldRequired).WithMessage("Must be set.")
            .Must(m => m is null || (Euro.IsWholeCents(m) && Euro.ToCents(m) > 0)).WithErrorCode(OutOfRange)
            .WithMessage("Must be a euro amount (currency_code EUR) above zero, in whole cents.");

    /// <summary>Set, in EUR and whole cents, zero or more.</summary>
    public static IRuleBuilderOptions<T, Money?> EuroOrZero<T>(this IRuleBuilder<T, Money?> rule) =>
        rule.Must(m => m is not null).WithErrorCode(RequestRules.FieldRequired).WithMessage("Must be set.")
            .Must(m => m is null || Euro.IsWholeCents(m)).WithErrorCode(OutOfRange)
            .WithMessage("Must be a euro amount (currency_code EUR) of zero or more, in whole cents.");

    /// <summary>Text that is not blank and at most <paramref name="maxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string> Reason<T>(this IRuleBuilder<T, string> rule, int maxLength = 1000) =>
        rule.Must(text => !string.IsNullOrWhiteSpace(text)).WithErrorCode(RequestRules.FieldRequired).WithMessage("Must say why.")
            .MaximumLength(maxLength).WithErrorCode("FIELD_TOO_LONG");
}
