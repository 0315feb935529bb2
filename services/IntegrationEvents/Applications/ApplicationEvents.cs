namespace KiPlatform.IntegrationEvents.Applications;

/// <summary>Posts in full-time equivalents per category, multiples of 0.5.</summary>
/// <param name="TeacherFte">Teacher posts (Lehrkräfte), allocated by MSW.</param>
/// <param name="SpecialistFte">Social-pedagogical specialists or social scientists, funded by MAIS.</param>
/// <param name="AdministrativeFte">Administrative specialist, funded by MAIS.</param>
/// <param name="SupportFte">Organisational-technical support, funded by MAIS.</param>
public sealed record PostFte(decimal TeacherFte, decimal SpecialistFte, decimal AdministrativeFte, decimal SupportFte);

/// <summary>A municipality handed in its application (<c>applications/{ApplicationId}</c>) for review.</summary>
public sealed record ApplicationSubmitted(Guid ApplicationId, string Ags, string PeriodId, PostFte RequestedPosts, DateTimeOffset SubmittedAt);

/// <summary>The reviewers asked the municipality for documents (Nachforderung); <paramref name="Reason"/> says which.</summary>
public sealed record DocumentsRequested(Guid ApplicationId, string Ags, string PeriodId, string Reason, DateTimeOffset RequestedAt);

/// <summary>Both ministries signed off: the municipality gets its KI with <paramref name="ApprovedPosts"/> for the period.</summary>
public sealed record ApplicationApproved(Guid ApplicationId, string Ags, string PeriodId, PostFte ApprovedPosts, DateTimeOffset ApprovedAt);

public sealed record ApplicationRejected(Guid ApplicationId, string Ags, string PeriodId, string Reason, DateTimeOffset RejectedAt);

/// <summary>The municipality withdrew its application before a decision; <paramref name="Reason"/> may be empty.</summary>
public sealed record ApplicationWithdrawn(Guid ApplicationId, string Ags, string PeriodId, string Reason, DateTimeOffset WithdrawnAt);
