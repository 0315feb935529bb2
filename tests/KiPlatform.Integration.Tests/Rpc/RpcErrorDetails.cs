using Google.Rpc;
using Grpc.Core;

namespace KiPlatform.Integration.Tests.Rpc;

internal static class RpcErrorDetails
{
    public static ErrorInfo ErrorInfo(this RpcException error) => Detail<ErrorInfo>(error);

    public static BadRequest BadRequest(this RpcException error) => Detail<BadRequest>(error);

    private static T Detail<T>(RpcException error) where T : class, Google.Protobuf.IMessage<T>, new() =>
        error.GetRpcStatus()?.GetDetail<T>() ?? throw new Xunit.Sdk.XunitException($"The error carries no {typeof(T).Name}: {error.Status}");
}
