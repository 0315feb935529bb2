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

internal sealed class GetUnreadCountRequestValidator : AbstractValidator<GetUnreadCountRequest>
{
    public GetUnreadCountRequestValidator() => RuleFor(r => r.Parent).ResourceName(RecipientName.Pattern(), RecipientName.Expected);
}

internal sealed class MarkInboxItemReadRequestValidator : AbstractValidator<MarkInboxItemReadRequest>
{
    public MarkInboxItemReadRequestValidator() => RuleFor(r => r.Name).ResourceName(RecipientName.ItemPattern(), RecipientName.ItemExpected);
}

internal sealed class MarkAllInboxItemsReadRequestValidator : AbstractValidator<MarkAllInboxItemsReadRequest>
{
    public MarkAllInboxItemsReadRequestValidator() => RuleFor(r => r.Parent).ResourceName(RecipientName.Pattern(), RecipientName.Expected);
}

internal sealed class StreamInboxItemsRequestValidator : AbstractValidator<StreamInboxItemsRequest>
{
    public StreamInboxItemsRequestValidator()
    {
        RuleFor(r => r.Parent).ResourceName(RecipientName.Pattern(), RecipientName.Expected);
        RuleFor(r => r.Cursor).Must(c => c.Length == 0 || InboxCursor.TryParse(c, out _))
            .WithMessage("Must be the cursor of a message of an earlier stream, as received, or empty to start now.")
            .WithErrorCode(InboxCursor.MalformedReason);
    }
}
