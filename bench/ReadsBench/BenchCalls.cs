using Grpc.Core;
using KiPlatform.Rpc.Security;

namespace KiPlatform.ReadsBench;

/// <summary>What the command benches send with each call: a development token of a party, and a fresh request id.</summary>
internal static class BenchCalls
{
    public static Metadata Headers(string signingKey, string role, string? ags = null) =>
        new() { { "authorization", $"Bearer {DevelopmentTokens.Create(signingKey, role, ags, TimeSpan.FromHours(2), TimeProvider.System)}" } };

    public static string NewId() => Guid.NewGuid().ToString();
}
