using System.Text.RegularExpressions;
using FluentValidation;

namespace KiPlatform.Rpc.Validation;

/// <summary>The rules the contract conventions repeat across requests, with their stable reason codes.</summary>
public static class RequestRules
{
    public const string MalformedName = "MALFORMED_NAME";
    public const string MalformedRequestId = "MALFORMED_REQUEST_ID";
    public const string NegativePageSize = "PAGE_SIZE_NEGATIVE";

    public const string FieldRequired = "FIELD_REQUIRED";

    /// <summary>A required resource name: FIELD_REQUIRED when absent, MALFORMED_NAME when not of the expected form.</summary>
    /// <param name="pattern">Matches the whole name.</param>
    /// <param name="expected">The form the caller must use, with an example.</param>
    public static IRuleBuilderOptions<T, string> ResourceName<T>(this IRuleBuilder<T, string> rule, Regex pattern, string expected) =>
        rule.Must(name => !string.IsNullOrEmpty(name))
            .WithErrorCode(FieldRequired)
            .WithMessage($"Required: {expected}.")
            .Must(name => string.IsNullOrEmpty(name) || pattern.IsMatch(name))
            .WithErrorCode(MalformedName)
            .WithMessage($"Must be {expected}.");

    /// <summary>A command's idempotency key: a UUID chosen by the client, the same on every retry of one intent.</summary>
    public static IRuleBuilderOptions<T, string> RequestId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(id => Guid.TryParseExact(id ?? "", "D", out var parsed) && parsed != Guid.Empty)
            .WithErrorCode(MalformedRequestId)
            .WithMessage("Must be a UUID in its 36-character form, e.g. '0b9a5d1e-2f3c-4e58-9a7b-6c1d2e3f4a5b', chosen anew for each intent and repeated on its retries.");

    /// <summary>0 asks for the default; values above the maximum are lowered to it, as AIP-158 suggests.</summary>
    public static IRuleBuilderOptions<T, int> PageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThanOrEqualTo(0)
            .WithErrorCode(NegativePageSize)
            .WithMessage("Must not be negative; 0 asks for the default page size.");

    /// <summary>The five government districts (Regierungsbezirke) of North Rhine-Westphalia, as the contracts spell them.</summary>
    public static readonly IReadOnlyList<string> GovernmentDistricts = ["Arnsberg", "Detmold", "Düsseldorf", "Köln", "Münster"];

    /// <summary>An optional government district, e.g. a list filter: empty, or one of <see cref="GovernmentDistricts"/>.</summary>
    public static IRuleBuilderOptions<T, string> GovernmentDistrict<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(d => string.IsNullOrEmpty(d) || GovernmentDistricts.Contains(d))
            .WithErrorCode("FIELD_INVALID")
            .WithMessage($"Must be one of {string.Join(", ", GovernmentDistricts)}.");

    /// <summary>An optional google.type.Date that is a whole calendar day between 1990 and 2100.</summary>
    public static IRuleBuilderOptions<T, Google.Type.Date?> ValidDate<T>(this IRuleBuilder<T, Google.Type.Date?> rule) =>
        rule.Must(date => date is null || (date.Year is >= 1990 and <= 2100 && date.Month is >= 1 and <= 12 && date.Day >= 1
                                           && date.Day <= DateTime.DaysInMonth(date.Year, date.Month)))
            .WithErrorCode("FIELD_MALFORMED")
            .WithMessage("Must be a whole calendar date between 1990 and 2100.");
}
