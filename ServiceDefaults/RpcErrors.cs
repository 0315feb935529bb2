using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Rich gRPC errors (google.rpc.Status with details) as the contract conventions ask: the right code, an ErrorInfo
/// with a stable reason in the domain "ki.nrw", and field violations for bad input.
/// </summary>
public static class RpcErrors
{
    public const string Domain = "ki.nrw";

    public static RpcException InvalidArgument(string field, string description, string reason) =>
        Create(Code.InvalidArgument, description, reason, new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
        });

    public static RpcException NotFound(string resourceName, string reason) =>
        Create(Code.NotFound, $"{resourceName} does not exist.", reason, new ResourceInfo { ResourceName = resourceName });

    private static RpcException Create(Code code, string message, string reason, Google.Protobuf.IMessage detail) =>
        new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Domain = Domain, Reason = reason }), Any.Pack(detail) },
        }.ToRpcException();
}
