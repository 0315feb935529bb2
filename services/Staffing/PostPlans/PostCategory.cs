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
