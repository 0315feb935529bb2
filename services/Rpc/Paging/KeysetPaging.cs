using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Rpc.Paging;

/// <summary>One page of a listing, and the token for the next (empty on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken);

/// <summary>
/// What a list request asks for: its page_size and page_token, the fingerprint of everything else that shapes the
/// listing (method, parent, filters; a token is refused with another), and the RPC's default and maximum page size.
/// </summary>
public readonly record struct PageQuery(int PageSize, string PageToken, string Fingerprint, int DefaultSize, int MaxSize);

/// <summary>
/// Keyset paging (AIP-158) with tamper-checked page tokens: each page continues after the last item of the previous one,
/// so items added or removed meanwhile neither repeat nor go missing on the pages still to come. Every list RPC pages
/// through here, in one of the two orders the contracts use.
/// </summary>
public sealed class KeysetPaging(PageTokens tokens)
{
    /// <summary>Newest first, by creation time and then id.</summary>
    public async Task<Page<T>> NewestFirstAsync<T>(
        IQueryable<T> items, PageQuery query, Expression<Func<T, DateTimeOffset>> createdAt, Expression<Func<T, Guid>> id, CancellationToken cancellationToken)
    {
        var page = tokens.Read(query.PageSize, query.PageToken, query.Fingerprint, query.DefaultSize, query.MaxSize);
        if (page.Cursor is not null)
        {
            var (afterCreatedAt, afterId) = TimeOrderedCursor.Parse(page.Cursor);
            items = items.Where(Before(createdAt, id, afterCreatedAt, afterId));
        }

        var found = await items.OrderByDescending(createdAt).ThenByDescending(id).Take(page.Size + 1).ToListAsync(cancellationToken);
        return PageOf(found, page.Size, query.Fingerprint,
            last => TimeOrderedCursor.Format(createdAt.Compile(preferInterpretation: true)(last), id.Compile(preferInterpretation: true)(last)));
    }

    /// <summary>In ascending order of a unique text key, e.g. an AGS.</summary>
    public async Task<Page<T>> AscendingAsync<T>(IQueryable<T> items, PageQuery query, Expression<Func<T, string>> key, CancellationToken cancellationToken)
    {
        var page = tokens.Read(query.PageSize, query.PageToken, query.Fingerprint, query.DefaultSize, query.MaxSize);
        if (page.Cursor is { } after)
        {
            items = items.Where(After(key, after));
        }

        var found = await items.OrderBy(key).Take(page.Size + 1).ToListAsync(cancellationToken);
        return PageOf(found, page.Size, query.Fingerprint, last => key.Compile(preferInterpretation: true)(last));
    }

    /// <param name="cursorOf">Reads the position after the last item; called only when a next page exists. The key
    /// selectors are interpreted for that one item rather than compiled, which would cost far more for a single call.</param>
    private Page<T> PageOf<T>(List<T> found, int size, string fingerprint, Func<T, string> cursorOf)
    {
        var items = found.Take(size).ToList();
        return new Page<T>(items, found.Count > size ? tokens.Next(fingerprint, cursorOf(items[^1])) : "");
    }

    /// <summary><c>(createdAt, id) &lt; (after, afterId)</c> as one row comparison, which PostgreSQL answers from the index.</summary>
    /// <remarks>The bounds are captured, not inlined, so EF Core sends them as parameters and the statement's plan is reused.</remarks>
    private static Expression<Func<T, bool>> Before<T>(
        Expression<Func<T, DateTimeOffset>> createdAt, Expression<Func<T, Guid>> id, DateTimeOffset afterCreatedAt, Guid afterId)
    {
        Expression<Func<DateTimeOffset, Guid, bool>> before = (c, i) =>
            EF.Functions.LessThan(ValueTuple.Create(c, i), ValueTuple.Create(afterCreatedAt, afterId));
        var item = createdAt.Parameters[0];
        var body = new Substitution(new()
        {
            [before.Parameters[0]] = createdAt.Body,
            [before.Parameters[1]] = new Substitution(new() { [id.Parameters[0]] = item }).Visit(id.Body),
        }).Visit(before.Body);
        return Expression.Lambda<Func<T, bool>>(body, item);
    }

    private static Expression<Func<T, bool>> After<T>(Expression<Func<T, string>> key, string after)
    {
        Expression<Func<string, bool>> greater = k => k.CompareTo(after) > 0;
        var body = new Substitution(new() { [greater.Parameters[0]] = key.Body }).Visit(greater.Body);
        return Expression.Lambda<Func<T, bool>>(body, key.Parameters[0]);
    }

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
