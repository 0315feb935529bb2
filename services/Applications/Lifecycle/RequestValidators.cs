using FluentValidation;
using KiPlatform.Applications.Municipalities;
using KiPlatform.Applications.V1;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>What every command on one application carries: its name, an optional etag and a request_id.</summary>
internal abstract class ApplicationCommandValidator<T> : AbstractValidator<T>
{
    protected ApplicationCommandValidator(Func<T, string> name, Func<T, string> requestId)
    {
        RuleFor(r => name(r)).ResourceName(ApplicationName.Pattern(), ApplicationName.Expected).OverridePropertyName("name");
        RuleFor(r => requestId(r)).RequestId().OverridePropertyName("request_id");
    }

    /// <summary>A free-text reason: required or not, at most <see cref="TextLimits.Reason"/> characters.</summary>
    protected void Reason(Func<T, string> reason, bool required)
    {
        if (required)
        {
            RuleFor(r => reason(r)).Must(text => !string.IsNullOrWhiteSpace(text)).WithErrorCode(RequestRules.FieldRequired)
                .WithMessage("Must say why; the municipality is told.").OverridePropertyName("reason");
        }

        RuleFor(r => reason(r)).MaximumLength(TextLimits.Reason).OverridePropertyName("reason");
    }
}

internal sealed class CreateApplicationRequestValidator : AbstractValidator<CreateApplicationRequest>
{
    public CreateApplicationRequestValidator()
    {
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Application).NotNull().WithMessage("Must hold the application to create.");
        When(r => r.Application is not null, () =>
        {
            RuleFor(r => r.Application.Municipality).ResourceName(MunicipalityName.Pattern(), MunicipalityName.Expected);
            RuleFor(r => r.Application.FundingPeriod).ResourceName(FundingPeriodName.Pattern(), FundingPeriodName.Expected);
            RuleFor(r => r.Application).SetValidator(new ApplicationContentValidator());
        });
    }
}

internal sealed class UpdateApplicationRequestValidator : AbstractValidator<UpdateApplicationRequest>
{
    public UpdateApplicationRequestValidator()
    {
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Application).NotNull().WithMessage("Must hold the application's new content and its name.");
        When(r => r.Application is not null, () =>
        {
            RuleFor(r => r.Application.Name).ResourceName(ApplicationName.Pattern(), ApplicationName.Expected);
            RuleFor(r => r.Application).SetValidator(new ApplicationContentValidator());
        });
        RuleForEach(r => r.UpdateMask.Paths)
            .Must(EditableFields.Paths.IsEditable)
            .WithErrorCode(EditablePaths.UnknownPathReason)
            .WithMessage(path => $"Must name an editable field ({string.Join(", ", EditableFields.Paths.TopLevel)}) or a field inside one.")
            .When(r => r.UpdateMask is not null);
    }
}

internal sealed class SubmitApplicationRequestValidator : ApplicationCommandValidator<SubmitApplicationRequest>
{
    public SubmitApplicationRequestValidator() : base(r => r.Name, r => r.RequestId)
    {
    }
}

internal sealed class WithdrawApplicationRequestValidator : ApplicationCommandValidator<WithdrawApplicationRequest>
{
    public WithdrawApplicationRequestValidator() : base(r => r.Name, r => r.RequestId) => Reason(r => r.Reason, required: false);
}

internal sealed class StartFormalReviewRequestValidator : ApplicationCommandValidator<StartFormalReviewRequest>
{
    public StartFormalReviewRequestValidator() : base(r => r.Name, r => r.RequestId)
    {
    }
}

internal sealed class RequestDocumentsRequestValidator : ApplicationCommandValidator<RequestDocumentsRequest>
{
    public RequestDocumentsRequestValidator() : base(r => r.Name, r => r.RequestId) => Reason(r => r.Reason, required: true);
}

internal sealed class ProvideDocumentsRequestValidator : ApplicationCommandValidator<ProvideDocumentsRequest>
{
    public ProvideDocumentsRequestValidator() : base(r => r.Name, r => r.RequestId)
    {
        RuleFor(r => r.Documents).NotEmpty().WithMessage("Must attach at least one document.")
            .Must(d => d.Count <= 20).WithErrorCode("FIELD_OUT_OF_RANGE").WithMessage("At most 20 documents per call.");
        RuleForEach(r => r.Documents).SetValidator(new DocumentValidator());
    }
}

internal sealed class StartContentReviewRequestValidator : ApplicationCommandValidator<StartContentReviewRequest>
{
    public StartContentReviewRequestValidator() : base(r => r.Name, r => r.RequestId)
    {
    }
}

internal sealed class SignOffApplicationRequestValidator : ApplicationCommandValidator<SignOffApplicationRequest>
{
    public SignOffApplicationRequestValidator() : base(r => r.Name, r => r.RequestId)
    {
        Reason(r => r.Reason, required: false);
        RuleFor(r => r.PartCase).NotEqual(SignOffApplicationRequest.PartOneofCase.None)
            .WithErrorCode("FIELD_REQUIRED").WithMessage("Must sign off one part: 'mais' or 'msw'.").OverridePropertyName("part");
        When(r => r.PartCase == SignOffApplicationRequest.PartOneofCase.Mais, () =>
        {
            RuleFor(r => r.Mais.SpecialistFte).HalfSteps();
            RuleFor(r => r.Mais.AdministrativeFte).HalfSteps();
            RuleFor(r => r.Mais.SupportFte).HalfSteps();
        });
        When(r => r.PartCase == SignOffApplicationRequest.PartOneofCase.Msw, () => RuleFor(r => r.Msw.TeacherFte).HalfSteps());
    }
}

internal sealed class RejectApplicationRequestValidator : ApplicationCommandValidator<RejectApplicationRequest>
{
    public RejectApplicationRequestValidator() : base(r => r.Name, r => r.RequestId) => Reason(r => r.Reason, required: true);
}

internal sealed class GetApplicationRequestValidator : AbstractValidator<GetApplicationRequest>
{
    public GetApplicationRequestValidator() => RuleFor(r => r.Name).ResourceName(ApplicationName.Pattern(), ApplicationName.Expected);
}

internal sealed class ListApplicationHistoryRequestValidator : AbstractValidator<ListApplicationHistoryRequest>
{
    public ListApplicationHistoryRequestValidator() => RuleFor(r => r.Name).ResourceName(ApplicationName.Pattern(), ApplicationName.Expected);
}

internal sealed class ListApplicationsRequestValidator : AbstractValidator<ListApplicationsRequest>
{
    public ListApplicationsRequestValidator()
    {
        RuleFor(r => r.PageSize).PageSize();
        RuleFor(r => r.Municipality).ResourceName(MunicipalityName.Pattern(), MunicipalityName.Expected).When(r => r.Municipality.Length > 0);
        RuleFor(r => r.FundingPeriod).ResourceName(FundingPeriodName.Pattern(), FundingPeriodName.Expected).When(r => r.FundingPeriod.Length > 0);
        RuleFor(r => r.GovernmentDistrict).GovernmentDistrict();
        RuleFor(r => r.State).IsInEnum().WithErrorCode("FIELD_INVALID").WithMessage("Must be one of the ApplicationState values.");
    }
}

internal sealed class WatchApplicationsRequestValidator : AbstractValidator<WatchApplicationsRequest>
{
    public WatchApplicationsRequestValidator()
    {
        RuleFor(r => r.TargetCase).NotEqual(WatchApplicationsRequest.TargetOneofCase.None)
            .WithErrorCode("FIELD_REQUIRED").WithMessage("Must name what to watch: 'application' or 'municipality'.").OverridePropertyName("target");
        RuleFor(r => r.Application).ResourceName(ApplicationName.Pattern(), ApplicationName.Expected)
            .When(r => r.TargetCase == WatchApplicationsRequest.TargetOneofCase.Application);
        RuleFor(r => r.Municipality).ResourceName(MunicipalityName.Pattern(), MunicipalityName.Expected)
            .When(r => r.TargetCase == WatchApplicationsRequest.TargetOneofCase.Municipality);
    }
}
