using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using KiPlatform.Rpc.Errors;
using Microsoft.Extensions.Options;

namespace KiPlatform.Rpc.Paging;

/// <summary>A page request resolved: how many items, and where the previous page ended (null for the first page).</summary>
public sealed record PageRequest(int Size, string? Cursor);

/// <summary>
/// Opaque, tamper-checked page tokens (AIP-158). A token holds the position after the last item returned, the
/// fingerprint of the query it belongs to and an expiry, signed with HMAC-SHA256: a caller can neither forge a
/// position nor reuse a token with a different filter.
/// </summary>
public sealed class PageTokens(IOptions<PagingOptions> options, TimeProvider clock)
{
    public const string InvalidTokenReason = "INVALID_PAGE_TOKEN";
    public const string ExpiredTokenReason = "PAGE_TOKEN_EXPIRED";

    private const byte FormatVersion = 1;
    private const int QueryHashLength = 16;
    private const int HeaderLength = 1 + sizeof(long) + QueryHashLength;
    private const int MacLength = 32;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.TokenKey);

    /// <param name="query">Everything that shapes the listing besides the position: method, parent, filter, order.</param>
    public PageRequest Read(int pageSize, string pageToken, string query, int defaultSize, int maxSize)
    {
        var size = pageSize == 0 ? defaultSize : Math.Min(pageSize, maxSize);
        return string.IsNullOrEmpty(pageToken) ? new PageRequest(size, null) : new PageRequest(size, CursorOf(pageToken, query));
    }

    /// <summary>The token for the page after the one ending at <paramref name="cursor"/>.</summary>
    public string Next(string query, string cursor)
    {
        var cursorBytes = Encoding.UTF8.GetBytes(cursor);
        var token = new byte[HeaderLength + cursorBytes.Length + MacLength];
        token[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(1), (clock.GetUtcNow() + options.Value.TokenLifetime).ToUnixTimeSeconds());
        QueryHash(query).CopyTo(token.AsSpan(1 + sizeof(long)));
        cursorBytes.CopyTo(token.AsSpan(HeaderLength));
        HMACSHA256.HashData(_key, token.AsSpan(0, token.Length - MacLength), token.AsSpan(token.Length - MacLength));
        return Base64UrlEncode(token);
    }

    private string CursorOf(string pageToken, string query)
    {
        var token = Base64UrlDecode(pageToken);
        if (token is null || token.Length < HeaderLength + MacLength || token[0] != FormatVersion)
        {
            throw Invalid("This is not a page token issued by this service.");
        }

        var signed = token.AsSpan(0, token.Length - MacLength);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, signed), token.AsSpan(token.Length - MacLength)))
        {
            throw Invalid("This page token was altered or was not issued by this service.");
        }

        if (!signed.Slice(1 + sizeof(long), QueryHashLength).SequenceEqual(QueryHash(query)))
        {
            throw Invalid("This page token belongs to a listing with other parameters; repeat the original filter and parent, or start without a token.");
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(signed[1..]));
        if (expires < clock.GetUtcNow())
        {
            throw RpcErrors.InvalidArgument("page_token", "This page token has expired; start the listing again.", ExpiredTokenReason);
        }

        return Encoding.UTF8.GetString(signed[HeaderLength..]);
    }

    private static byte[] QueryHash(string query) => SHA256.HashData(Encoding.UTF8.GetBytes(query))[..QueryHashLength];

    private static Grpc.Core.RpcException Invalid(string description) =>
        RpcErrors.InvalidArgument("page_token", description, InvalidTokenReason);

    private static string Base64UrlEncode(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static byte[]? Base64UrlDecode(string text)
    {
        try
        {
            return Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
