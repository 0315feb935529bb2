using KiPlatform.Domain;
using KiPlatform.Funding.Grants;

namespace KiPlatform.Funding.FundingPeriods;

/// <summary>The most posts per category an application for a period may hold, in thousandths of an FTE.</summary>
public sealed record PostCaps(int TeacherMilli, int SpecialistMilli, int AdministrativeMilli, int SupportMilli);

/// <summary>One change of a funding period: what, why, when, and on whose account.</summary>
public sealed record FundingPeriodChange(int Position, string What, string Why, DateTimeOffset At, string By);

/// <summary>The values an update sets; null leaves a value as it is.</summary>
public sealed record FundingPeriodValues(
    long? BudgetCents = null,
    long? SpecialistRatePerFteYearCents = null,
    long? AdministrativeRatePerFteYearCents = null,
    long? SupportRatePerHalfFteYearCents = null,
    PostCaps? PostCaps = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    bool? FixedTranches = null);

/// <summary>
/// A funding period with its MAIS budget, flat rates (Festbeträge, Festbetragsfinanzierung) and post caps: amounts in
/// euro cents, data per period with every change kept, never constants in code.
/// </summary>
public sealed class FundingPeriod
{
    private readonly List<FundingPeriodChange> _changes = [];

    private FundingPeriod()
    {
    }

    public string Id { get; private init; } = "";

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public long BudgetCents { get; private set; }

    /// <summary>Flat rate per full-time specialist post and year.</summary>
    public long SpecialistRatePerFteYearCents { get; private set; }

    /// <summary>Flat rate per full-time administrative post and year.</summary>
    public long AdministrativeRatePerFteYearCents { get; private set; }

    /// <summary>Flat rate for the half organisational-technical support post per year.</summary>
    public long SupportRatePerHalfFteYearCents { get; private set; }

    public PostCaps PostCaps { get; private set; } = null!;

    /// <summary>Whether final grants of the period are paid in fixed tranches on 1 May and 1 October instead of by call-off.</summary>
    public bool FixedTranches { get; private set; }

    /// <summary>The rates a grant of this period is computed with, per FTE-year.</summary>
    public FlatRates Rates => new(SpecialistRatePerFteYearCents, AdministrativeRatePerFteYearCents, SupportRatePerHalfFteYearCents * 2);

    /// <summary>Row version (PostgreSQL xmin): the etag, and the guard against lost updates.</summary>
    public uint Version { get; private set; }

    /// <summary>Every change, oldest first; the first is the period's addition.</summary>
    public IReadOnlyList<FundingPeriodChange> Changes => _changes;

    /// <summary>How often the period changed: orders the copies other services keep.</summary>
    public int Revision => _changes.Count;

    public static FundingPeriod Add(string id, FundingPeriodValues values, string why, string by, DateTimeOffset now)
    {
        var period = new FundingPeriod
        {
            Id = id,
            StartDate = values.StartDate ?? throw new ArgumentException("A period needs its start.", nameof(values)),
            EndDate = values.EndDate ?? throw new ArgumentException("A period needs its end.", nameof(values)),
            BudgetCents = values.BudgetCents ?? 0,
            SpecialistRatePerFteYearCents = values.SpecialistRatePerFteYearCents ?? 0,
            AdministrativeRatePerFteYearCents = values.AdministrativeRatePerFteYearCents ?? 0,
            SupportRatePerHalfFteYearCents = values.SupportRatePerHalfFteYearCents ?? 0,
            PostCaps = values.PostCaps ?? throw new ArgumentException("A period needs its post caps.", nameof(values)),
            FixedTranches = values.FixedTranches ?? false,
        };
        EnsureDatesInOrder(period.StartDate, period.EndDate);
        period._changes.Add(new FundingPeriodChange(1,
            $"Added: {period.StartDate:yyyy-MM-dd} to {period.EndDate:yyyy-MM-dd}, budget {Eur(period.BudgetCents)}", why, now, by));
        return period;
    }

    /// <summary>
    /// Sets <paramref name="values"/>. Rates and dates are what grants were computed with, so they stay once the period
    /// has grants; the budget never drops below what issued grants have committed.
    /// </summary>
    /// <returns>What changed, as written to the history; empty when nothing did.</returns>
    public IReadOnlyList<string> Change(FundingPeriodValues values, long committedCents, bool hasGrants, string why, string by, DateTimeOffset now)
    {
        var start = values.StartDate ?? StartDate;
        var end = values.EndDate ?? EndDate;
        EnsureDatesInOrder(start, end);
        var budget = values.BudgetCents ?? BudgetCents;
        var specialist = values.SpecialistRatePerFteYearCents ?? SpecialistRatePerFteYearCents;
        var administrative = values.AdministrativeRatePerFteYearCents ?? AdministrativeRatePerFteYearCents;
        var support = values.SupportRatePerHalfFteYearCents ?? SupportRatePerHalfFteYearCents;
        var caps = values.PostCaps ?? PostCaps;
        var changed = new List<string>();
        if (budget != BudgetCents)
        {
            if (budget < committedCents)
            {
                throw new RuleViolationException("BUDGET", Name, $"Grants of {Eur(committedCents)} are committed; the budget cannot drop below that.",
                    FundingPeriodReasons.BudgetBelowCommitted);
            }

            changed.Add($"budget {Eur(BudgetCents)} -> {Eur(budget)}");
        }

        var fixedOnceGranted = new List<string>();
        if (specialist != SpecialistRatePerFteYearCents)
        {
            fixedOnceGranted.Add($"specialist rate per FTE-year {Eur(SpecialistRatePerFteYearCents)} -> {Eur(specialist)}");
        }

        if (administrative != AdministrativeRatePerFteYearCents)
        {
            fixedOnceGranted.Add($"administrative rate per FTE-year {Eur(AdministrativeRatePerFteYearCents)} -> {Eur(administrative)}");
        }

        if (support != SupportRatePerHalfFteYearCents)
        {
            fixedOnceGranted.Add($"support rate per half FTE-year {Eur(SupportRatePerHalfFteYearCents)} -> {Eur(support)}");
        }

        if (start != StartDate || end != EndDate)
        {
            fixedOnceGranted.Add($"dates {StartDate:yyyy-MM-dd}..{EndDate:yyyy-MM-dd} -> {start:yyyy-MM-dd}..{end:yyyy-MM-dd}");
        }

        if (hasGrants && fixedOnceGranted.Count > 0)
        {
            throw new RuleViolationException("GRANTED", Name, "The period has grants computed with its rates and dates; those stay as they are.",
                FundingPeriodReasons.PeriodHasGrants);
        }

        changed.AddRange(fixedOnceGranted);
        if (caps != PostCaps)
        {
            changed.Add($"post caps {Caps(PostCaps)} -> {Caps(caps)}");
        }

        var tranches = values.FixedTranches ?? FixedTranches;
        if (tranches != FixedTranches)
        {
            changed.Add(tranches ? "paid in fixed tranches on 1 May and 1 October" : "paid by call-off");
        }

        if (changed.Count == 0)
        {
            return changed;
        }

        (BudgetCents, SpecialistRatePerFteYearCents, AdministrativeRatePerFteYearCents, SupportRatePerHalfFteYearCents) = (budget, specialist, administrative, support);
        (StartDate, EndDate, PostCaps, FixedTranches) = (start, end, caps, tranches);
        _changes.Add(new FundingPeriodChange(_changes.Count + 1, string.Join("; ", changed), why, now, by));
        return changed;
    }

    private string Name => $"fundingPeriods/{Id}";

    private static void EnsureDatesInOrder(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new FieldViolationException("funding_period.end_date", "The period cannot end before it starts.", FundingPeriodReasons.OutOfRange);
        }
    }

    private static string Eur(long cents) => $"{cents / 100m:0.00} EUR";

    private static string Caps(PostCaps c) => $"{c.TeacherMilli / 1000m:0.0#}/{c.SpecialistMilli / 1000m:0.0#}/{c.AdministrativeMilli / 1000m:0.0#}/{c.SupportMilli / 1000m:0.0#}";
}

public static class FundingPeriodReasons
{
    public const string NotFound = "FUNDING_PERIOD_NOT_FOUND";
    public const string BudgetBelowCommitted = "BUDGET_BELOW_COMMITTED";
    public const string PeriodHasGrants = "PERIOD_HAS_GRANTS";
    public const string OutOfRange = "FIELD_OUT_OF_RANGE";
}
