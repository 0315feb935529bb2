using FluentValidation;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Notifications.Delivery;

internal sealed class GetDeliveryPreferencesRequestValidator : AbstractValidator<GetDeliveryPreferencesRequest>
{
    public GetDeliveryPreferencesRequestValidator() => RuleFor(r => r.Name).ResourceName(DeliveryPreferencesName.Pattern(), DeliveryPreferencesName.Expected);
}

internal sealed class UpdateDeliveryPreferencesRequestValidator : AbstractValidator<UpdateDeliveryPreferencesRequest>
{
    public static readonly EditablePaths Paths = new(DeliveryPreferences.Descriptor, "email_address", "muted_kinds");

    public UpdateDeliveryPreferencesRequestValidator()
    {
        RuleFor(r => r.RequestId).RequestId();
        RuleForEach(r => r.UpdateMask.Paths).Must(Paths.IsEditable).WithErrorCode(EditablePaths.UnknownPathReason)
            .WithMessage($"Must name {string.Join(" or ", Paths.TopLevel)}.").When(r => r.UpdateMask is not null);
        RuleFor(r => r.DeliveryPreferences).NotNull().WithMessage("Must hold the new preferences and their name.");
        When(r => r.DeliveryPreferences is not null, () =>
        {
            RuleFor(r => r.DeliveryPreferences.Name).ResourceName(DeliveryPreferencesName.Pattern(), DeliveryPreferencesName.Expected);
            RuleFor(r => r.DeliveryPreferences.EmailAddress).Must(DeliveryPreference.IsValidAddress).WithErrorCode("FIELD_MALFORMED")
                .WithMessage($"Must be empty or one plain mail address (name@domain, no display name), at most {DeliveryPreference.EmailMaxLength} characters.");
            RuleForEach(r => r.DeliveryPreferences.MutedKinds).NotEqual(NotificationKind.Unspecified).WithErrorCode("FIELD_INVALID")
                .WithMessage("Must name a kind of notification.");
        });
    }
}
