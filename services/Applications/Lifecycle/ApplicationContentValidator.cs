using System.Text.RegularExpressions;
using FluentValidation;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>
/// Checks the content of an application as far as it is given: a draft may lack fields (submission checks they are
/// there), but what it holds must make sense.
/// </summary>
internal sealed partial class ApplicationContentValidator : AbstractValidator<V1.Application>
{
    public const string ConceptAmbiguousReason = "CONCEPT_AMBIGUOUS";

    public ApplicationContentValidator()
    {
        RuleFor(a => a.CouncilResolutionDate).ValidDate().When(a => a.CouncilResolutionDate is not null);
        When(a => a.IntegrationConcept is not null, () =>
        {
            RuleFor(a => a.IntegrationConcept.AdoptedDate).ValidDate().When(a => a.IntegrationConcept.AdoptedDate is not null);
            RuleFor(a => a.IntegrationConcept.PlannedDate).ValidDate().When(a => a.IntegrationConcept.PlannedDate is not null);
            RuleFor(a => a.IntegrationConcept.Plan).MaximumLength(TextLimits.ConceptPlan);
            RuleFor(a => a.IntegrationConcept)
                .Must(c => c.AdoptedDate is null || c.PlannedDate is null)
                .WithErrorCode(ConceptAmbiguousReason)
                .WithMessage("Must be either adopted (adopted_date) or planned (planned_date with plan), not both.");
            RuleFor(a => a.IntegrationConcept.Plan).NotEmpty().WithMessage("Must describe the plan when the concept is only planned.")
                .When(a => a.IntegrationConcept.PlannedDate is not null);
        });
        RuleFor(a => a.OrganisationalPlacement).MaximumLength(TextLimits.OrganisationalPlacement);
        When(a => a.Priorities is not null, () =>
        {
            RuleFor(a => a.Priorities.Education).MaximumLength(TextLimits.Priority);
            RuleFor(a => a.Priorities.CrossCuttingIntegration).MaximumLength(TextLimits.Priority);
        });
        When(a => a.Contact is not null, () =>
        {
            RuleFor(a => a.Contact.Name).MaximumLength(TextLimits.ContactName);
            RuleFor(a => a.Contact.Email).MaximumLength(TextLimits.ContactEmail).Matches(EmailPattern()).When(a => a.Contact.Email.Length > 0)
                .WithMessage("Must be an e-mail address such as 'ki@kreis-soest.de'.");
        });
        When(a => a.RequestedPosts is not null, () =>
        {
            RuleFor(a => a.RequestedPosts.TeacherFte).HalfSteps();
            RuleFor(a => a.RequestedPosts.SpecialistFte).HalfSteps();
            RuleFor(a => a.RequestedPosts.AdministrativeFte).HalfSteps();
            RuleFor(a => a.RequestedPosts.SupportFte).HalfSteps();
        });
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

internal sealed class DocumentValidator : AbstractValidator<Document>
{
    /// <summary>Far above any document a municipality hands in; a larger figure is a mistake, not a file.</summary>
    public const long MaxDocumentSizeBytes = 1L << 40;

    public DocumentValidator()
    {
        RuleFor(d => d.Title).NotEmpty().MaximumLength(TextLimits.DocumentTitle);
        RuleFor(d => d.Type).NotEqual(V1.DocumentType.Unspecified).WithErrorCode("FIELD_REQUIRED").WithMessage("Must name the document's type.")
            .IsInEnum().WithErrorCode("FIELD_INVALID").WithMessage("Must be one of the DocumentType values.");
        RuleFor(d => d.DocumentDate).NotNull().WithMessage("Must give the date the document bears.").ValidDate();
        RuleFor(d => d.Sha256).Matches("^[0-9a-f]{64}$").WithMessage("Must be the SHA-256 of the file as 64 lowercase hex digits.");
        RuleFor(d => d.SizeBytes).InclusiveBetween(1, MaxDocumentSizeBytes).WithMessage("Must be the file's size in bytes, from 1 to 1 TiB.");
    }
}

/// <summary>Field rules the lifecycle's requests share.</summary>
internal static class LifecycleRules
{
    public static IRuleBuilderOptions<T, double> HalfSteps<T>(this IRuleBuilder<T, double> rule) =>
        rule.Must(fte => fte >= 0 && fte <= 100 && Math.Abs(fte * 2 - Math.Round(fte * 2)) < 1e-9)
            .WithErrorCode(Application.FteNotInHalfStepsReason)
            .WithMessage("Must be a multiple of 0.5 FTE at or above zero.");
}
