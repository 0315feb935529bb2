using Google.Rpc;
using Grpc.Core;

namespace KiPlatform.EndToEnd.Tests;

internal static class GrpcErrors
{
    public static ErrorInfo ErrorInfo(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<ErrorInfo>() ?? throw new Xunit.Sdk.XunitException($"No ErrorInfo in {error.Status}.");

    public static BadRequest BadRequest(this RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>() ?? throw new Xunit.Sdk.XunitException($"No BadRequest in {error.Status}.");
}
