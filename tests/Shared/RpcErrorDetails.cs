using Google.Rpc;
using Grpc.Core;

namespace KiPlatform.Testing;

/// <summary>Reads the google.rpc details out of a gRPC error; shared by the test projects (linked, not referenced).</summary>
internal static class RpcErrorDetails
{
    public static ErrorInfo ErrorInfo(this RpcException error) => Detail<ErrorInfo>(error);

    public static BadRequest BadRequest(this RpcException error) => Detail<BadRequest>(error);

    public static T Detail<T>(this RpcException error) where T : class, Google.Protobuf.IMessage<T>, new() =>
        error.GetRpcStatus()?.GetDetail<T>() ?? throw new Xunit.Sdk.XunitException($"The error carries no {typeof(T).Name}: {error.Status}");
}
