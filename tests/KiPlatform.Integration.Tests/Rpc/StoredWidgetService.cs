using System.Globalization;
using Grpc.Core;
using KiPlatform.Domain;
using KiPlatform.Messaging.Outbox;
using KiPlatform.Rpc.Concurrency;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Idempotency;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing.V1;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Integration.Tests.Rpc;

/// <summary>Commands and listings on PostgreSQL, built the way the services build theirs.</summary>
internal sealed class StoredWidgetService(
    WidgetDbContext db,
    IdempotentCommands<WidgetDbContext> idempotent,
    EventOutbox<WidgetDbContext> outbox,
    PageTokens pageTokens) : WidgetService.WidgetServiceBase
{
    public override Task<Widget> CreateWidget(CreateWidgetRequest request, ServerCallContext context) =>
        idempotent.ExecuteAsync(request, request.RequestId, context, async ct =>
        {
            var ags = request.Parent["municipalities/".Length..];
            context.Caller().EnsureMayActFor(ags);
            var widget = new StoredWidget { Ags = ags, DisplayName = request.Widget.DisplayName, Size = request.Widget.Size };
            db.Widgets.Add(widget);
            await db.SaveChangesAsync(ct);
            outbox.Add(new WidgetCreated(widget.Id, ags));
            return ToContract(widget);
        });

    public override async Task<Widget> UpdateWidget(UpdateWidgetRequest request, ServerCallContext context)
    {
        var id = long.Parse(request.Widget.Name.Split('/')[^1], CultureInfo.InvariantCulture);
        var widget = await db.Widgets.SingleOrDefaultAsync(w => w.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException(request.Widget.Name, "WIDGET_NOT_FOUND");
        ETags.EnsureCurrent(request.Widget.Etag, widget.Version, request.Widget.Name);
        widget.DisplayName = request.Widget.DisplayName;
        widget.Size = request.Widget.Size;
        await db.SaveChangesAsync(context.CancellationToken);
        return ToContract(widget);
    }

    public override async Task<ListWidgetsResponse> ListWidgets(ListWidgetsRequest request, ServerCallContext context)
    {
        var ags = request.Parent["municipalities/".Length..];
        var query = $"{context.Method}|{request.Parent}";
        var page = pageTokens.Read(request.PageSize, request.PageToken, query, defaultSize: 10, maxSize: 50);
        var widgets = db.Widgets.AsNoTracking().Where(w => w.Ags == ags);
        if (page.Cursor is not null)
        {
            var after = long.Parse(page.Cursor, CultureInfo.InvariantCulture);
            widgets = widgets.Where(w => w.Id > after);
        }

        var found = await widgets.OrderBy(w => w.Id).Take(page.Size + 1).ToListAsync(context.CancellationToken);
        var pageItems = found.Take(page.Size).ToList();
        return new ListWidgetsResponse
        {
            Widgets = { pageItems.Select(ToContract) },
            NextPageToken = found.Count > page.Size ? pageTokens.Next(query, pageItems[^1].Id.ToString(CultureInfo.InvariantCulture)) : "",
        };
    }

    private static Widget ToContract(StoredWidget widget) => new()
    {
        Name = $"municipalities/{widget.Ags}/widgets/{widget.Id}",
        DisplayName = widget.DisplayName,
        Size = widget.Size,
        Etag = ETags.Format(widget.Version),
    };
}
