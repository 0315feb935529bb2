using KiPlatform.Domain;

namespace KiPlatform.Staffing.PostPlans;

/// <summary>A post (Stelle) in a KI's post plan: its size, from when it exists, until when (if cut), and who holds it.</summary>
public sealed class Post
{
    private readonly List<Occupancy> _occupancies = [];

    private Post()
    {
    }

    public Guid Id { get; private init; }

    public PostCategory Category { get; private init; }

    /// <summary>Size in thousandths of a full-time equivalent (1000 = 1.0 FTE).</summary>
    public int FteMilli { get; private init; }

    /// <summary>The first day the post exists: the start of the period that added it.</summary>
    public DateOnly OpensOn { get; private init; }

    /// <summary>The last day of a post that was cut; none while it stands in the plan.</summary>
    public DateOnly? ClosesAfter { get; private set; }

    public IReadOnlyList<Occupancy> Occupancies => _occupancies;

    public Ministry Ministry => Category.MinistryOf();

    public bool IsOpen => ClosesAfter is null;

    public bool ExistsOn(DateOnly day) => OpensOn <= day && (ClosesAfter is not { } last || day <= last);

    public int FilledMilliOn(DateOnly day) => _occupancies.Where(o => o.HoldsOn(day)).Sum(o => o.ShareMilli);

    /// <summary>Whether anyone holds a share of the post on <paramref name="day"/> or later.</summary>
    public bool IsHeldOnOrAfter(DateOnly day) => _occupancies.Any(o => o.ReachesOnOrAfter(day));

    /// <summary>The occupancy of <paramref name="staffId"/> that holds on <paramref name="day"/>, if any.</summary>
    public Occupancy? OccupancyOf(string staffId, DateOnly day) => _occupancies.FirstOrDefault(o => o.StaffId == staffId && o.HoldsOn(day));

    /// <summary>The vacant FTE-months month by month from <paramref name="from"/> to <paramref name="to"/>; days the post does not exist count as not vacant.</summary>
    public IReadOnlyList<VacantMonth> VacancyIn(DateOnly from, DateOnly to)
    {
        var spans = _occupancies.Select(o => o.Span).ToList();
        if (OpensOn > from)
        {
            spans.Add(new FilledSpan(from, OpensOn.AddDays(-1), FteMilli));
        }

        if (ClosesAfter is { } last && last < to)
        {
            spans.Add(new FilledSpan(last.AddDays(1), to, FteMilli));
        }

        return Vacancy.ByMonth(FteMilli, spans, from, to);
    }

    internal static Post Open(PostCategory category, int fteMilli, DateOnly opensOn) => new()
    {
        Id = Guid.CreateVersion7(),
        Category = category,
        FteMilli = fteMilli,
        OpensOn = opensOn,
    };

    internal void Close(DateOnly lastDay) => ClosesAfter = lastDay;

    internal void Add(Occupancy occupancy)
    {
        EnsureNotOverfilled(_occupancies.Select(o => o.Span).Append(occupancy.Span));
        _occupancies.Add(occupancy);
    }

    /// <summary>Ends <paramref name="current"/> the day before <paramref name="continued"/> starts, which holds the rest of it at another share.</summary>
    internal void Split(Occupancy current, Occupancy continued)
    {
        var lastDay = continued.From.AddDays(-1);
        EnsureNotOverfilled(_occupancies.Select(o => o == current ? o.Span with { To = lastDay } : o.Span).Append(continued.Span));
        current.End(lastDay, reason: null);
        _occupancies.Add(continued);
    }

    /// <summary>The shares held never add up to more than the post at any date: checked where they change.</summary>
    private void EnsureNotOverfilled(IEnumerable<FilledSpan> spans)
    {
        var changes = spans
            .SelectMany(o => o.To is { } end
                ? new[] { (Day: o.From, Delta: o.ShareMilli), (Day: end.AddDays(1), Delta: -o.ShareMilli) }
                : [(Day: o.From, Delta: o.ShareMilli)])
            .GroupBy(c => c.Day)
            .OrderBy(g => g.Key);
        var filled = 0;
        foreach (var day in changes)
        {
            filled += day.Sum(c => c.Delta);
            if (filled > FteMilli)
            {
                throw new RuleViolationException("CAPACITY", $"posts/{Id}",
                    $"On {day.Key:yyyy-MM-dd} the shares held would add up to {filled / 1000m:0.0} FTE in a post of {FteMilli / 1000m:0.0} FTE.",
                    StaffingReasons.PostOverfilled);
            }
        }
    }
}
