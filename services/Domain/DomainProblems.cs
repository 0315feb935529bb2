namespace KiPlatform.Domain;

/// <summary>
/// What domain code throws when a command or query cannot be honoured. The domain names the problem and its stable
/// reason code; the transport decides how to tell the caller (the gRPC layer maps each to its status with details).
/// </summary>
public abstract class DomainProblemException(string message, string reason) : Exception(message)
{
    /// <summary>Stable UPPER_SNAKE_CASE reason code, documented in the proto comments.</summary>
    public string Reason { get; } = reason;
}

/// <summary>One rule a call breaks: its kind (e.g. "STATE", "COMPLETENESS"), what it concerns, and why.</summary>
public sealed record RuleViolation(string Type, string Subject, string Description);

/// <summary>Business rules forbid the call in the resource's current state, one violation each.</summary>
public sealed class RuleViolationException : DomainProblemException
{
    public RuleViolationException(string type, string subject, string description, string reason)
        : this([new RuleViolation(type, subject, description)], description, reason)
    {
    }

    public RuleViolationException(IReadOnlyList<RuleViolation> violations, string description, string reason)
        : base(description, reason) => Violations = violations;

    public IReadOnlyList<RuleViolation> Violations { get; }
}

/// <summary>
/// A field holds a value the service refuses once it knows more than a validator can , e.g. a
/// figure above a cap configured per period.
/// </summary>
/// <param name="field">The field's path as the contract names it, e.g. "application.requested_posts.teacher_fte".</param>
public sealed class FieldViolationException(string field, string description, string reason) : DomainProblemException(description, reason)
{
    public string Field { get; } = field;
}

/// <summary>The named resource does not exist, or the caller may not know that it does.</summary>
public sealed class ResourceNotFoundException(string resourceName, string reason)
    : DomainProblemException($"{resourceName} does not exist.", reason)
{
    public string ResourceName { get; } = resourceName;
}

/// <summary>The resource the call would create exists already.</summary>
public sealed class ResourceAlreadyExistsException(string resourceName, string description, string reason)
    : DomainProblemException(description, reason)
{
    public string ResourceName { get; } = resourceName;
}

/// <summary>The resource changed since the caller read it: read again, then retry.</summary>
public sealed class ConcurrencyConflictException(string resourceName, string description, string reason)
    : DomainProblemException(description, reason)
{
    public const string StaleEtagReason = "ETAG_MISMATCH";
    public const string ConcurrentUpdateReason = "CONCURRENT_UPDATE";

    public string ResourceName { get; } = resourceName;
}

/// <summary>The caller is known but may not do this.</summary>
public sealed class AccessDeniedException(string description, string reason) : DomainProblemException(description, reason);
