using Google.Rpc;
using Grpc.Core;

namespace KiPlatform.FirstWave;

/// <summary>The reason code (ErrorInfo.reason) the platform puts on each refusal, as its contracts document.</summary>
internal static class RpcFailures
{
    public static string Reason(this RpcException e) => e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "";

    /// <summary>Someone else moved the resource on meanwhile (another run of the scenario, a person): read it again.</summary>
    public static bool MovedOnMeanwhile(this RpcException e) =>
        e.StatusCode == StatusCode.Aborted
        || (e.StatusCode == StatusCode.FailedPrecondition && e.Reason() is "STATE_TRANSITION_NOT_ALLOWED" or "ALREADY_SIGNED_OFF");
}
