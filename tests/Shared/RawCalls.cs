using Grpc.Core;

namespace KiPlatform.Testing;

/// <summary>
/// Calls any RPC with a request body of raw bytes, as a client generated from other protos (or none) would. Each returns
/// the refusal, or null when the call succeeded (a stream: when it was accepted and still runs).
/// </summary>
internal static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    /// <param name="fullName">e.g. "ki.applications.v1.ApplicationService/GetApplication".</param>
    public static async Task<RpcException?> UnaryAsync(this CallInvoker invoker, string fullName, byte[] body, CallOptions options)
    {
        try
        {
            await invoker.AsyncUnaryCall(Method(MethodType.Unary, fullName), null, options, body);
            return null;
        }
        catch (RpcException error)
        {
            return error;
        }
    }

    public static async Task<RpcException?> ServerStreamingAsync(this CallInvoker invoker, string fullName, byte[] body, CallOptions options)
    {
        try
        {
            using var call = invoker.AsyncServerStreamingCall(Method(MethodType.ServerStreaming, fullName), null, options, body);
            await call.ResponseHeadersAsync;
            try
            {
                var status = call.GetStatus();
                return status.StatusCode == StatusCode.OK ? null : new RpcException(status, call.GetTrailers());
            }
            catch (InvalidOperationException)
            {
                return null; // still open: the stream was accepted
            }
        }
        catch (RpcException error)
        {
            return error;
        }
    }

    private static Method<byte[], byte[]> Method(MethodType type, string fullName) =>
        new(type, fullName.Split('/')[0], fullName.Split('/')[1], Bytes, Bytes);
}
