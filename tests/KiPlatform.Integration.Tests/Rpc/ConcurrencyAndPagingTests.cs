using Grpc.Core;
using KiPlatform.Rpc.Paging;
using KiPlatform.Rpc.Security;
using KiPlatform.Testing.V1;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Integration.Tests.Rpc;

/// <summary>Etags from the PostgreSQL row version, and keyset paging with signed tokens, against real PostgreSQL.</summary>
public sealed class ConcurrencyAndPagingTests(ServersFixture servers) : IAsyncLifetime
{
    private StoredWidgetServer _server = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Metadata Mais => StoredWidgetServer.As(Roles.Mais);

    public async ValueTask InitializeAsync() => _server = await StoredWidgetServer.StartAsync(servers, Cancellation);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_update_with_the_current_etag_succeeds_and_yields_a_new_etag()
    {
        var widget = await CreateAsync("Lesekiste");

        var updated = await _server.Client.UpdateWidgetAsync(
            new UpdateWidgetRequest { Widget = new Widget(widget) { DisplayName = "Bücherkiste" } }, Mais, cancellationToken: Cancellation);

        Assert.Equal("Bücherkiste", updated.DisplayName);
        Assert.NotEqual(widget.Etag, updated.Etag);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_aborted_and_changes_nothing()
    {
        var widget = await CreateAsync("Lesekiste");
        await _server.Client.UpdateWidgetAsync(new UpdateWidgetRequest { Widget = new Widget(widget) { DisplayName = "First" } }, Mais, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.UpdateWidgetAsync(
            new UpdateWidgetRequest { Widget = new Widget(widget) { DisplayName = "Second" } }, Mais, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal("ETAG_MISMATCH", error.ErrorInfo().Reason);
        Assert.Equal(["First"], await _server.QueryAsync(db => db.Widgets.Select(w => w.DisplayName).ToListAsync(Cancellation)));
    }

    [Fact]
    public async Task The_row_version_refuses_a_write_based_on_a_stale_read()
    {
        var widget = await CreateAsync("Lesekiste");
        var id = long.Parse(widget.Name.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await using var first = new WidgetDbContext(WidgetDbContext.Options(_server.Database));
        await using var second = new WidgetDbContext(WidgetDbContext.Options(_server.Database));
        var a = await first.Widgets.SingleAsync(w => w.Id == id, Cancellation);
        var b = await second.Widgets.SingleAsync(w => w.Id == id, Cancellation);

        a.DisplayName = "A";
        await first.SaveChangesAsync(Cancellation);
        b.DisplayName = "B";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Cancellation));
    }

    [Fact]
    public async Task Paging_returns_every_item_once_even_when_items_arrive_between_pages()
    {
        for (var i = 0; i < 25; i++)
        {
            await CreateAsync($"Widget {i}");
        }

        var seen = new List<string>();
        var request = new ListWidgetsRequest { Parent = "municipalities/05111", PageSize = 10 };
        var pages = 0;
        do
        {
            var page = await _server.Client.ListWidgetsAsync(request, Mais, cancellationToken: Cancellation);
            seen.AddRange(page.Widgets.Select(w => w.DisplayName));
            request.PageToken = page.NextPageToken;
            if (++pages == 1)
            {
                await CreateAsync("Late arrival");
            }
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(26, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task A_page_token_used_with_another_parent_is_refused()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreateAsync($"Widget {i}");
        }

        var first = await _server.Client.ListWidgetsAsync(new ListWidgetsRequest { Parent = "municipalities/05111", PageSize = 2 }, Mais, cancellationToken: Cancellation);

        var error = await Assert.ThrowsAsync<RpcException>(() => _server.Client.ListWidgetsAsync(
            new ListWidgetsRequest { Parent = "municipalities/05334", PageSize = 2, PageToken = first.NextPageToken }, Mais, cancellationToken: Cancellation).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(PageTokens.InvalidTokenReason, error.ErrorInfo().Reason);
    }

    private async Task<Widget> CreateAsync(string displayName) =>
        await _server.Client.CreateWidgetAsync(new CreateWidgetRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = "municipalities/05111",
            Widget = new Widget { DisplayName = displayName, Size = 1 },
        }, Mais, cancellationToken: Cancellation);
}
