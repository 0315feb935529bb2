using FluentValidation;
using Google.Protobuf.WellKnownTypes;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Notifications.Delivery;

internal sealed class GetDeliveryPreferencesRequestValidator : AbstractValidator<GetDeliveryPreferencesRequest>
{
    public GetDeliveryPreferencesRequestValidator() => RuleFor(r => r.Name).ResourceName(DeliveryPreferencesName.Pattern(), DeliveryPreferencesName.Expected);
}

internal sealed class UpdateDeliveryPreferencesRequestValidator : AbstractValidator<UpdateDeliveryPreferencesRequest>
{
    public static readonly IReadOnlyList<string> Editable = ["email_address", "muted_kinds"];

    public UpdateDeliveryPreferencesRequestValidator()
    {
        RuleFor(r => r.RequestId).RequestId();
        RuleForEach(r => r.UpdateMask.Paths).Must(Editable.Contains).WithErrorCode("FIELD_MASK_PATH_UNKNOWN")
            .WithMessage($"Must name {string.Join(" or ", Editable)}.").When(r => r.UpdateMask is not null);
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

    /// <summary>Whether <paramref name="mask"/> (empty: every editable field) names <paramref name="path"/>.</summary>
    public static bool Names(FieldMask? mask, string path) => mask is not { Paths.Count: > 0 } || mask.Paths.Contains(path);
}
