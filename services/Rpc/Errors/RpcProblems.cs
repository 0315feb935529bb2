namespace KiPlatform.Rpc.Errors;

/// <summary>
/// What domain code throws when a call cannot be honoured; the error-mapping interceptor turns each into its gRPC
/// status with details. Domain code thus names the problem and never deals with status codes.
/// </summary>
public abstract class RpcProblemException(string message, string reason) : Exception(message)
{
    /// <summary>Stable UPPER_SNAKE_CASE reason code, documented in the proto comments.</summary>
    public string Reason { get; } = reason;
}

/// <summary>A business rule forbids the call in the resource's current state (FAILED_PRECONDITION).</summary>
public sealed class RuleViolationException(string type, string subject, string description, string reason)
    : RpcProblemException(description, reason)
{
    /// <summary>The kind of rule, e.g. "STATE" or "QUOTA".</summary>
    public string Type { get; } = type;

    /// <summary>What the rule concerns, e.g. a resource name.</summary>
    public string Subject { get; } = subject;
}

/// <summary>The named resource does not exist, or the caller may not know that it does (NOT_FOUND).</summary>
public sealed class ResourceNotFoundException(string resourceName, string reason)
    : RpcProblemException($"{resourceName} does not exist.", reason)
{
    public string ResourceName { get; } = resourceName;
}

/// <summary>The resource the call would create exists already (ALREADY_EXISTS).</summary>
public sealed class ResourceAlreadyExistsException(string resourceName, string description, string reason)
    : RpcProblemException(description, reason)
{
    public string ResourceName { get; } = resourceName;
}

/// <summary>The resource changed since the caller read it (ABORTED): read again, then retry.</summary>
public sealed class ConcurrencyConflictException(string resourceName, string description, string reason)
    : RpcProblemException(description, reason)
{
    public const string StaleEtagReason = "ETAG_MISMATCH";

    public string ResourceName { get; } = resourceName;
}

/// <summary>The caller is known but may not do this (PERMISSION_DENIED).</summary>
public sealed class AccessDeniedException(string description, string reason) : RpcProblemException(description, reason);
