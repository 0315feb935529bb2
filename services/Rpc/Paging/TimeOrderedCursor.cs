using System.Globalization;

namespace KiPlatform.Rpc.Paging;

/// <summary>
/// The position after the last item of a page ordered by (creation time, id), newest first: the cursor inside a page
/// token for keyset paging.
/// </summary>
public static class TimeOrderedCursor
{
    public static string Format(DateTimeOffset createdAt, Guid id) =>
        $"{createdAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}/{id:N}";

    /// <summary>Reads a cursor this service wrote; the page token's signature vouches that it is one.</summary>
    public static (DateTimeOffset CreatedAt, Guid Id) Parse(string cursor)
    {
        var parts = cursor.Split('/');
        return (new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
    }
}
