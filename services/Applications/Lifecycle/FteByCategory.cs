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

/// <summary>
/// A funding period as Applications needs it to check an application: its dates and the most a municipality may request
/// per category. A copy of Funding's record, kept current from its <c>FundingPeriodChanged</c> events.
/// </summary>
public sealed class PeriodPostCaps
{
    private PeriodPostCaps()
    {
    }

    /// <summary>The funding period's id, as in <c>fundingPeriods/{id}</c>.</summary>
    public string PeriodId { get; private init; } = "";

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public decimal TeacherFte { get; private set; }
    public decimal SpecialistFte { get; private set; }
    public decimal AdministrativeFte { get; private set; }
    public decimal SupportFte { get; private set; }

    /// <summary>Funding's revision of the period this copy holds: a later or repeated event never rolls it back.</summary>
    public int Revision { get; private set; }

    public FteByCategory Caps => new(TeacherFte, SpecialistFte, AdministrativeFte, SupportFte);

    public static PeriodPostCaps Copy(string periodId, int revision, DateOnly start, DateOnly end, FteByCategory caps)
    {
        var copy = new PeriodPostCaps { PeriodId = periodId, Revision = -1 };
        copy.Update(revision, start, end, caps);
        return copy;
    }

    /// <returns>Whether the copy took the values: only a higher revision than held replaces them.</returns>
    public bool Update(int revision, DateOnly start, DateOnly end, FteByCategory caps)
    {
        if (revision <= Revision)
        {
            return false;
        }

        (Revision, StartDate, EndDate) = (revision, start, end);
        (TeacherFte, SpecialistFte, AdministrativeFte, SupportFte) = (caps.Teacher, caps.Specialist, caps.Administrative, caps.Support);
        return true;
    }
}
