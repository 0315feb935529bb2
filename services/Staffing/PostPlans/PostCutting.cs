namespace KiPlatform.Staffing.PostPlans;

/// <summary>
/// How an approved FTE figure becomes posts (Stellen): full posts, plus one half post where the figure ends in .5
/// (2.0 is two posts of 1.0; 1.5 is 1.0 and 0.5; 0.5 is one half post).
/// </summary>
public static class PostCutting
{
    public const int FullPostMilli = 1000;
    public const int HalfPostMilli = 500;

    /// <param name="fteMilli">The approved FTE in thousandths, a multiple of 500 (approvals come in half steps).</param>
    /// <returns>Each post's size in thousandths of an FTE, full posts first.</returns>
    public static IReadOnlyList<int> Cut(int fteMilli)
    {
        if (fteMilli < 0 || fteMilli % HalfPostMilli != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fteMilli), fteMilli, "An approved FTE figure is a non-negative multiple of 0.5.");
        }

        var posts = Enumerable.Repeat(FullPostMilli, fteMilli / FullPostMilli).ToList();
        if (fteMilli % FullPostMilli != 0)
        {
            posts.Add(HalfPostMilli);
        }

        return posts;
    }
}
