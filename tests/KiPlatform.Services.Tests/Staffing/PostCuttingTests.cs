using KiPlatform.Staffing.PostPlans;

namespace KiPlatform.Services.Tests.Staffing;

public sealed class PostCuttingTests
{
    [Theory]
    [InlineData(2000, new[] { 1000, 1000 })]
    [InlineData(1500, new[] { 1000, 500 })]
    [InlineData(1000, new[] { 1000 })]
    [InlineData(500, new[] { 500 })]
    [InlineData(0, new int[0])]
    public void An_approved_fte_figure_is_cut_into_full_posts_and_at_most_one_half_post(int fteMilli, int[] posts) =>
        Assert.Equal(posts, PostCutting.Cut(fteMilli));

    [Theory]
    [InlineData(1300)]
    [InlineData(-500)]
    public void A_figure_that_is_no_multiple_of_a_half_post_is_refused(int fteMilli) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PostCutting.Cut(fteMilli));
}
