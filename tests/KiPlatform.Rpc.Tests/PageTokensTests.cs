using Grpc.Core;
using KiPlatform.Rpc.Paging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KiPlatform.Rpc.Tests;

public sealed class PageTokensTests
{
    private const string Query = "/ki.testing.v1.WidgetService/ListWidgets|municipalities/05111";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private PageTokens Tokens(string key = "0123456789abcdef0123456789abcdef") => new(Options.Create(new PagingOptions { TokenKey = key }), _clock);

    [Fact]
    public void A_token_carries_the_cursor_to_the_next_page()
    {
        var token = Tokens().Next(Query, "638000000000000000/0190f4d2");

        Assert.Equal(new PageRequest(20, "638000000000000000/0190f4d2"), Tokens().Read(20, token, Query, 50, 100));
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(7, 7)]
    [InlineData(1000, 100)]
    public void The_page_size_defaults_and_is_capped(int requested, int expected) =>
        Assert.Equal(new PageRequest(expected, null), Tokens().Read(requested, "", Query, 50, 100));

    [Fact]
    public void An_altered_token_is_refused()
    {
        var token = Tokens().Next(Query, "cursor-1").ToCharArray();
        token[10] = token[10] == 'A' ? 'B' : 'A';

        AssertRefused(new string(token), Query, PageTokens.InvalidTokenReason);
    }

    [Fact]
    public void A_token_from_another_listing_is_refused() =>
        AssertRefused(Tokens().Next(Query, "cursor-1"), Query.Replace("05111", "05334", StringComparison.Ordinal), PageTokens.InvalidTokenReason);

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var forged = Tokens("ffffffffffffffffffffffffffffffffff").Next(Query, "cursor-1");

        AssertRefused(forged, Query, PageTokens.InvalidTokenReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("AAAA")]
    public void Garbage_is_refused(string token)
    {
        if (token.Length > 0)
        {
            AssertRefused(token, Query, PageTokens.InvalidTokenReason);
        }
        else
        {
            Assert.Null(Tokens().Read(10, token, Query, 50, 100).Cursor);
        }
    }

    [Fact]
    public void An_expired_token_is_refused()
    {
        var token = Tokens().Next(Query, "cursor-1");
        _clock.Advance(TimeSpan.FromHours(25));

        AssertRefused(token, Query, PageTokens.ExpiredTokenReason);
    }

    private void AssertRefused(string token, string query, string reason)
    {
        var error = Assert.Throws<RpcException>(() => Tokens().Read(10, token, query, 50, 100));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("page_token", Assert.Single(error.BadRequest().FieldViolations).Field);
        Assert.Equal(reason, error.ErrorInfo().Reason);
    }
}
