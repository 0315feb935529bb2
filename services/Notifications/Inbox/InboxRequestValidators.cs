using FluentValidation;
using KiPlatform.Notifications.V1;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Notifications.Inbox;

internal sealed class ListInboxItemsRequestValidator : AbstractValidator<ListInboxItemsRequest>
{
    public ListInboxItemsRequestValidator()
    {
        RuleFor(r => r.Parent).ResourceName(RecipientName.Pattern(), RecipientName.Expected);
        RuleFor(r => r.PageSize).PageSize();
    }
}
