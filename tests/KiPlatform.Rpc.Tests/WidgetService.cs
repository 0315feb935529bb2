using System.Text.RegularExpressions;
using FluentValidation;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Security;
using KiPlatform.Rpc.Validation;
using KiPlatform.Testing.V1;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Rpc.Tests;

/// <summary>A service in miniature, in memory: each RPC exercises one convention.</summary>
internal sealed partial class WidgetService(CallLog calls) : Testing.V1.WidgetService.WidgetServiceBase
{
    public override Task<Widget> GetWidget(GetWidgetRequest request, ServerCallContext context)
    {
        calls.Record(context.Method);
        var ags = WidgetNames.Pattern().Match(request.Name).Groups["ags"].Value;
        context.Caller().EnsureMayActFor(ags);
        return Task.FromResult(new Widget { Name = request.Name, DisplayName = "Widget" });
    }

    public override Task<Widget> Fail(FailRequest request, ServerCallContext context) => request.Problem switch
    {
        "rule" => throw new RuleViolationException("STATE", "widgets/1", "The widget is final.", "WIDGET_FINAL"),
        "not-found" => throw new ResourceNotFoundException("widgets/1", "WIDGET_NOT_FOUND"),
        "exists" => throw new ResourceAlreadyExistsException("widgets/1", "There is a widget already.", "WIDGET_EXISTS"),
        "conflict" => throw new ConcurrencyConflictException("widgets/1", "Changed meanwhile.", ConcurrencyConflictException.StaleEtagReason),
        "ef-conflict" => throw new DbUpdateConcurrencyException("The database operation was expected to affect 1 row(s), but actually affected 0 row(s)."),
        "denied" => throw new AccessDeniedException("Not yours.", "NOT_YOURS"),
        "transient" => throw new TimeoutException("The connection pool is exhausted."),
        _ => throw new InvalidOperationException("secret internals: connection string Host=db;Password=hunter2"),
    };

    public override async Task<Widget> Wait(WaitRequest request, ServerCallContext context)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken);
        }
        finally
        {
            calls.Record(context.Method);
        }

        return new Widget();
    }

    public override Task<PurgeWidgetsResponse> PurgeWidgets(PurgeWidgetsRequest request, ServerCallContext context)
    {
        calls.Record(context.Method);
        return Task.FromResult(new PurgeWidgetsResponse());
    }
}

internal static partial class WidgetNames
{
    [GeneratedRegex(@"^municipalities/(?<ags>\d{5})/widgets/(?<id>\d+)$")]
    public static partial Regex Pattern();

    [GeneratedRegex(@"^municipalities/(?<id>\d{5})$")]
    public static partial Regex ParentPattern();
}

/// <summary>Which handlers ran, so a test can tell that a refused call did no work.</summary>
internal sealed class CallLog
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _calls = new();

    public IReadOnlyCollection<string> Calls => _calls;

    public void Record(string method) => _calls.Enqueue(method);
}

internal sealed class GetWidgetRequestValidator : AbstractValidator<GetWidgetRequest>
{
    public GetWidgetRequestValidator() =>
        RuleFor(r => r.Name).ResourceName(WidgetNames.Pattern(), "'municipalities/{ags}/widgets/{widget_id}'");
}

internal sealed class FailRequestValidator : AbstractValidator<FailRequest>;

internal sealed class WaitRequestValidator : AbstractValidator<WaitRequest>;

internal sealed class PurgeWidgetsRequestValidator : AbstractValidator<PurgeWidgetsRequest>;

internal sealed class CreateWidgetRequestValidator : AbstractValidator<CreateWidgetRequest>
{
    public CreateWidgetRequestValidator()
    {
        RuleFor(r => r.RequestId).RequestId();
        RuleFor(r => r.Parent).ResourceName(WidgetNames.ParentPattern(), "'municipalities/{ags}'");
        RuleFor(r => r.Widget).NotNull();
        RuleFor(r => r.Widget.DisplayName).NotEmpty().MaximumLength(40).When(r => r.Widget is not null);
        RuleFor(r => r.Widget.Size).InclusiveBetween(1, 10).When(r => r.Widget is not null);
        RuleForEach(r => r.Widget.Tags).MaximumLength(5).When(r => r.Widget is not null);
    }
}

internal sealed class UpdateWidgetRequestValidator : AbstractValidator<UpdateWidgetRequest>
{
    public UpdateWidgetRequestValidator() => RuleFor(r => r.Widget).NotNull();
}

internal sealed class ListWidgetsRequestValidator : AbstractValidator<ListWidgetsRequest>
{
    public ListWidgetsRequestValidator() => RuleFor(r => r.PageSize).PageSize();
}
