namespace KiPlatform.Applications.Lifecycle;

/// <summary>
/// Full-time equivalents (FTE) per category of post (Stelle), each a multiple of 0.5: teacher posts (Lehrkräfte,
/// allocated by MSW) and the three categories MAIS funds: social-pedagogical specialists or social scientists, an
/// administrative specialist, and organisational-technical support.
/// </summary>
public sealed record FteByCategory(decimal Teacher, decimal Specialist, decimal Administrative, decimal Support)
{
    public static readonly FteByCategory None = new(0, 0, 0, 0);

    public bool IsEmpty => this == None;

    /// <summary>The categories by their contract field names, for checks that report the field.</summary>
    public IEnumerable<(string Field, decimal Fte)> ByField() =>
    [
        ("teacher_fte", Teacher),
        ("specialist_fte", Specialist),
        ("administrative_fte", Administrative),
        ("support_fte", Support),
    ];

    public static bool IsHalfStep(decimal fte) => fte >= 0 && decimal.Remainder(fte * 2, 1) == 0;
}

/// <summary>The most a municipality may request per category in one funding period; configured per period.</summary>
public sealed class PeriodPostCaps
{
    /// <summary>The caps the Land set for the first periods: 2.0 teachers, 2.0 specialists, 1.0 administrative, 0.5 support.</summary>
    public static readonly FteByCategory DefaultCaps = new(2.0m, 2.0m, 1.0m, 0.5m);

    /// <summary>The funding period's id, as in <c>fundingPeriods/{id}</c>.</summary>
    public required string PeriodId { get; init; }

    public decimal TeacherFte { get; init; } = DefaultCaps.Teacher;
    public decimal SpecialistFte { get; init; } = DefaultCaps.Specialist;
    public decimal AdministrativeFte { get; init; } = DefaultCaps.Administrative;
    public decimal SupportFte { get; init; } = DefaultCaps.Support;

    public FteByCategory Caps => new(TeacherFte, SpecialistFte, AdministrativeFte, SupportFte);
}
