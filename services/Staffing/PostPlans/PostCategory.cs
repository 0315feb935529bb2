namespace KiPlatform.Staffing.PostPlans;

public enum PostCategory
{
    /// <summary>Teacher post (Lehrkraft), allocated by MSW.</summary>
    Teacher = 1,

    /// <summary>Social-pedagogical specialist or social scientist, funded by MAIS.</summary>
    Specialist = 2,

    /// <summary>Administrative specialist, funded by MAIS.</summary>
    Administration = 3,

    /// <summary>Organisational-technical support, funded by MAIS.</summary>
    Support = 4,
}

/// <summary>The ministry that allocates or funds a category of posts.</summary>
public enum Ministry
{
    /// <summary>The school ministry: allocates the teacher posts (not money).</summary>
    Msw = 1,

    /// <summary>The integration ministry: funds the other posts.</summary>
    Mais = 2,
}

public static class PostCategories
{
    public static IReadOnlyList<PostCategory> All { get; } = Enum.GetValues<PostCategory>();

    public static Ministry MinistryOf(this PostCategory category) => category == PostCategory.Teacher ? Ministry.Msw : Ministry.Mais;
}
