using FluentValidation.Results;
using Google.Rpc;
using Grpc.Core;
using KiPlatform.Rpc.Errors;

namespace KiPlatform.Rpc.Validation;

/// <summary>
/// Turns FluentValidation failures into INVALID_ARGUMENT with one BadRequest field violation per field: the first rule
/// a field breaks is the one reported, as the contract promises.
/// </summary>
internal static class ValidationErrors
{
    public const string GenericReason = "INVALID_ARGUMENT";

    public static RpcException ToRpcException(IEnumerable<ValidationFailure> failures)
    {
        var violations = failures
            .Select(failure => new BadRequest.Types.FieldViolation
            {
                Field = ProtoFieldPath.FromPropertyPath(failure.PropertyName),
                Description = failure.ErrorMessage,
                Reason = ReasonOf(failure),
            })
            .DistinctBy(violation => violation.Field)
            .ToList();
        return ToRpcException(violations);
    }

    /// <summary>The ErrorInfo reason is the violations' own when they share one, else the generic one.</summary>
    public static RpcException ToRpcException(IReadOnlyCollection<BadRequest.Types.FieldViolation> violations)
    {
        var reasons = violations.Select(v => v.Reason).Distinct().Take(2).ToList();
        return RpcErrors.InvalidArgument(violations, reasons.Count == 1 ? reasons[0] : GenericReason);
    }

    /// <summary>Our rules carry UPPER_SNAKE_CASE codes; FluentValidation's built-in ones ("NotEmptyValidator") are translated.</summary>
    private static string ReasonOf(ValidationFailure failure) => failure.ErrorCode switch
    {
        "NotEmptyValidator" or "NotNullValidator" => "FIELD_REQUIRED",
        "MaximumLengthValidator" or "MinimumLengthValidator" or "LengthValidator" or "ExactLengthValidator" => "FIELD_LENGTH",
        "InclusiveBetweenValidator" or "ExclusiveBetweenValidator" or "GreaterThanValidator" or "GreaterThanOrEqualValidator"
            or "LessThanValidator" or "LessThanOrEqualValidator" => "FIELD_OUT_OF_RANGE",
        "EmailValidator" or "RegularExpressionValidator" => "FIELD_MALFORMED",
        { } code when IsUpperSnake(code) => code,
        _ => "FIELD_INVALID",
    };

    private static bool IsUpperSnake(string code) =>
        code.Length > 1 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
}
