namespace KiPlatform.FirstWave;

/// <summary>How far one stage of the scenario has come: <paramref name="Done"/> of <paramref name="Total"/>.</summary>
public sealed record FirstWaveProgress(FirstWaveStage Stage, int Done, int Total, string? Detail = null);

/// <summary>The stages of the scenario, in the order they run.</summary>
public enum FirstWaveStage
{
    /// <summary>The 16 applications, each from draft to approved.</summary>
    Applications,

    /// <summary>Staffing makes a post plan for each approval, by itself.</summary>
    PostPlans,

    /// <summary>Funding issues a grant notice for each approval, by itself.</summary>
    GrantNotices,

    /// <summary>One KI goes on: waives legal remedy, staffs its posts, one post falls vacant.</summary>
    GoesOn,
}

/// <summary>What the scenario left on the stack.</summary>
public sealed record FirstWaveOutcome(string FundingPeriod, IReadOnlyList<KiOutcome> Kis, string GoesOnAgs)
{
    /// <summary>The trace of one approval this run made (the first in AGS order), to follow through every service; null if all were approved before.</summary>
    public string? ApprovalTraceId => Kis.Select(k => k.ApprovalTraceId).FirstOrDefault(t => t is not null);
}

/// <summary>One KI of the first wave: its approved application, post plan and grant.</summary>
public sealed record KiOutcome(string Ags, string DisplayName, string Application, string PostPlan, string Grant, string GrantNumber, long GrantTotalCents, string? ApprovalTraceId);
