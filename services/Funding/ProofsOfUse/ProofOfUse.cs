namespace KiPlatform.Funding.ProofsOfUse;

/// <summary>A MAIS category's planned and actual spending in a financial statement, in cents.</summary>
public sealed record StatementLine(string Category, long PlannedCents, long ActualCents);

/// <summary>The metadata of a report document kept elsewhere.</summary>
public sealed record ReportDocument(string Title, string Sha256, long SizeBytes);

/// <summary>
/// The proof of use (Verwendungsnachweis) of a grant: a narrative report (text, or a document kept elsewhere, named by
/// its metadata) and a financial statement of planned against actual spending per MAIS category.
/// </summary>
public sealed class ProofOfUse
{
    private ProofOfUse()
    {
    }

    public Guid GrantId { get; private init; }

    public string? Narrative { get; private init; }

    public ReportDocument? Document { get; private init; }

    public IReadOnlyList<StatementLine> Statement { get; private init; } = [];

    public DateTimeOffset SubmittedAt { get; private init; }

    public string SubmittedBy { get; private init; } = "";

    public static ProofOfUse Submit(Guid grantId, string? narrative, ReportDocument? document, IReadOnlyList<StatementLine> statement, string by, DateTimeOffset now) =>
        new() { GrantId = grantId, Narrative = narrative, Document = document, Statement = statement, SubmittedAt = now, SubmittedBy = by };
}
