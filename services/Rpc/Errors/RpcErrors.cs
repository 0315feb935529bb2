using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using KiPlatform.Domain;

namespace KiPlatform.Rpc.Errors;

/// <summary>
/// Rich gRPC errors (google.rpc.Status with details) as the contract conventions ask: the right code, an ErrorInfo
/// with a stable reason in the domain "ki.nrw", and the detail that fits the code.
/// </summary>
public static class RpcErrors
{
    public const string Domain = "ki.nrw";

    public static RpcException InvalidArgument(string field, string description, string reason) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description, Reason = reason }], reason);

    /// <summary>At most this many violations are listed; the last listed says how many more there were.</summary>
    public const int MaxViolations = 20;

    /// <summary>No description or message runs longer: the whole status stays far within any peer's header limits.</summary>
    public const int MaxDescriptionLength = 300;

    public static RpcException InvalidArgument(IReadOnlyCollection<BadRequest.Types.FieldViolation> violations, string reason)
    {
        var listed = violations.Take(MaxViolations).Select(v => new BadRequest.Types.FieldViolation
        {
            Field = Bounded(v.Field), Description = Bounded(v.Description), Reason = v.Reason,
        }).ToList();
        if (violations.Count > MaxViolations)
        {
            listed[^1].Description = Bounded($"{listed[^1].Description} ({violations.Count - MaxViolations} more violations not listed.)");
        }

        var message = string.Join(" ", listed.Take(3).Select(v => $"{v.Field}: {v.Description}"))
            + (listed.Count > 3 ? $" ({violations.Count - 3} more in the details.)" : "");
        return Create(Code.InvalidArgument, message, reason, new BadRequest { FieldViolations = { listed } });
    }

    private static string Bounded(string text) => text.Length <= MaxDescriptionLength ? text : text[..(MaxDescriptionLength - 1)] + "…";

    public static RpcException NotFound(string resourceName, string reason) =>
        Create(Code.NotFound, $"{resourceName} does not exist.", reason, ResourceInfoOf(resourceName, ""));

    public static RpcException AlreadyExists(string resourceName, string description, string reason) =>
        Create(Code.AlreadyExists, description, reason, ResourceInfoOf(resourceName, description));

    public static RpcException FailedPrecondition(string type, string subject, string description, string reason) =>
        FailedPrecondition([new RuleViolation(type, subject, description)], description, reason);

    public static RpcException FailedPrecondition(IEnumerable<RuleViolation> violations, string description, string reason) =>
        Create(Code.FailedPrecondition, description, reason, new PreconditionFailure
        {
            Violations = { violations.Select(v => new PreconditionFailure.Types.Violation { Type = v.Type, Subject = v.Subject, Description = v.Description }) },
        });

    public static RpcException Aborted(string resourceName, string description, string reason) =>
        Create(Code.Aborted, description, reason, ResourceInfoOf(resourceName, description));

    private static ResourceInfo ResourceInfoOf(string resourceName, string description) =>
        new() { ResourceName = resourceName, ResourceType = ResourceTypes.Of(resourceName), Description = description };

    public static RpcException PermissionDenied(string description, string reason) =>
        Create(Code.PermissionDenied, description, reason);

    public static RpcException Unauthenticated(string description, string reason) =>
        Create(Code.Unauthenticated, description, reason);

    public static RpcException Unavailable(string description, string reason, TimeSpan retryDelay) =>
        Create(Code.Unavailable, description, reason, new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryDelay) });

    /// <summary>No internals, only the correlation id under which the fault was logged.</summary>
    public static RpcException Internal(string correlationId) =>
        Create(Code.Internal, $"An unexpected error occurred; it was logged under correlation id {correlationId}.", "INTERNAL",
            metadata: new Dictionary<string, string> { ["correlation_id"] = correlationId });

    public static RpcException Create(Code code, string message, string reason, IMessage? detail = null, IDictionary<string, string>? metadata = null)
    {
        var info = new ErrorInfo { Domain = Domain, Reason = reason };
        if (metadata is not null)
        {
            info.Metadata.Add(metadata);
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }
}
