using Microsoft.Extensions.Hosting;

namespace KiPlatform.Rpc;

/// <summary>The RPCs every service serves for the platform rather than for the domain: health and reflection.</summary>
public sealed class PlatformRpcs(IHostEnvironment environment)
{
    private const string HealthPrefix = "/grpc.health.v1.Health/";
    private const string ReflectionPrefix = "/grpc.reflection.";

    /// <summary>Platform RPCs carry no domain request to validate and need no access rule.</summary>
    public static bool IsPlatform(string fullMethodName) =>
        fullMethodName.StartsWith(HealthPrefix, StringComparison.Ordinal) || fullMethodName.StartsWith(ReflectionPrefix, StringComparison.Ordinal);

    /// <summary>Probes need no token; reflection needs none in Development, where developers explore with grpcurl.</summary>
    public bool IsAnonymous(string fullMethodName) =>
        fullMethodName.StartsWith(HealthPrefix, StringComparison.Ordinal)
        || (environment.IsDevelopment() && fullMethodName.StartsWith(ReflectionPrefix, StringComparison.Ordinal));
}
