using System.Text.RegularExpressions;
using FluentValidation;
using KiPlatform.Funding.Grants;
using KiPlatform.Funding.V1;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Funding.ProofsOfUse;

internal sealed partial class SubmitProofOfUseRequestValidator : AbstractValidator<SubmitProofOfUseRequest>
{
    private const int MaxLines = 3;

    public SubmitProofOfUseRequestValidator()
    {
        RuleFor(r => r.Parent).ResourceName(GrantName.Pattern(), GrantName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Narrative).MaximumLength(ProofOfUseLimits.NarrativeMaxLength).WithErrorCode("FIELD_TOO_LONG");
        RuleFor(r => r).Must(r => string.IsNullOrWhiteSpace(r.Narrative) != (r.Document is null)).WithName("narrative")
            .OverridePropertyName("narrative").WithErrorCode("FIELD_INVALID").WithMessage("Give the narrative report either as text or as a document, exactly one.");
        When(r => r.Document is not null, () =>
        {
            RuleFor(r => r.Document.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithErrorCode(RequestRules.FieldRequired).WithMessage("Must name the document.")
                .MaximumLength(ProofOfUseLimits.DocumentTitleMaxLength).WithErrorCode("FIELD_TOO_LONG");
            RuleFor(r => r.Document.Sha256).Must(h => Sha256().IsMatch(h)).WithErrorCode("FIELD_INVALID").WithMessage("Must be 64 lower-case hex digits.");
            RuleFor(r => r.Document.SizeBytes).GreaterThan(0).WithErrorCode(EuroRules.OutOfRange);
        });
        RuleFor(r => r.Statement).Must(lines => lines.Count is > 0 and <= MaxLines).WithErrorCode("FIELD_INVALID")
            .WithMessage("Must hold one line per MAIS category spent on, at most three.");
        RuleFor(r => r.Statement).Must(lines => lines.Select(l => l.Category).Distinct().Count() == lines.Count).WithErrorCode("FIELD_INVALID")
            .WithMessage("Each category at most once.").When(r => r.Statement.Count <= MaxLines);
        RuleForEach(r => r.Statement).ChildRules(line =>
        {
            line.RuleFor(l => l.Category).Must(c => c is MaisCategory.Specialist or MaisCategory.Administrative or MaisCategory.Support)
                .WithErrorCode("FIELD_INVALID").WithMessage("Must be a MAIS category.");
            line.RuleFor(l => l.Planned).EuroOrZero();
            line.RuleFor(l => l.Actual).EuroOrZero();
        }).When(r => r.Statement.Count <= MaxLines);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}

internal sealed class GetProofOfUseRequestValidator : AbstractValidator<GetProofOfUseRequest>
{
    public GetProofOfUseRequestValidator() => RuleFor(r => r.Name).ResourceName(ProofOfUseName.Pattern(), ProofOfUseName.Expected);
}

internal sealed class ReviewProofOfUseRequestValidator : AbstractValidator<ReviewProofOfUseRequest>
{
    public ReviewProofOfUseRequestValidator()
    {
        RuleFor(r => r.Name).ResourceName(GrantName.Pattern(), GrantName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Decision).Must(d => d is ReviewDecision.Accept or ReviewDecision.RevokeInPart).WithErrorCode(RequestRules.FieldRequired)
            .WithMessage("Must be ACCEPT or REVOKE_IN_PART.");
        When(r => r.Decision == ReviewDecision.RevokeInPart, () =>
        {
            RuleFor(r => r.RevokedAmount).PositiveEuro();
            RuleFor(r => r.Reason).Reason();
        });
        When(r => r.Decision != ReviewDecision.RevokeInPart, () =>
        {
            RuleFor(r => r.RevokedAmount).Null().WithErrorCode("FIELD_INVALID").WithMessage("Only a revocation names an amount.");
            RuleFor(r => r.Reason).MaximumLength(1000).WithErrorCode("FIELD_TOO_LONG");
        });
    }
}

internal sealed class RecordRepaymentRequestValidator : AbstractValidator<RecordRepaymentRequest>
{
    public RecordRepaymentRequestValidator()
    {
        RuleFor(r => r.Name).ResourceName(GrantName.Pattern(), GrantName.Expected);
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.RepaymentDate).NotNull().WithErrorCode(RequestRules.FieldRequired).WithMessage("Must be set.");
        RuleFor(r => r.RepaymentDate).ValidDate();
        RuleFor(r => r.Amount).PositiveEuro();
    }
}

internal sealed class ListOverdueProofsOfUseRequestValidator : AbstractValidator<ListOverdueProofsOfUseRequest>
{
    public ListOverdueProofsOfUseRequestValidator()
    {
        RuleFor(r => r.PageSize).PageSize();
        RuleFor(r => r.GovernmentDistrict).GovernmentDistrict();
        RuleFor(r => r.FundingPeriod).Must(p => p.Length == 0 || FundingPeriodName.Pattern().IsMatch(p))
            .WithErrorCode(RequestRules.MalformedName).WithMessage($"Must be empty or {FundingPeriodName.Expected}.");
    }
}
