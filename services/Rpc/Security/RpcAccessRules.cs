using Google.Protobuf.Reflection;

namespace KiPlatform.Rpc.Security;

/// <summary>
/// Who may call which RPC: one table per service, declared in one file next to its Program.cs, enforced by the
/// <see cref="AuthorizationInterceptor"/> on every call. An RPC missing from the table is refused, and the service
/// does not start (<see cref="RpcConventionsCheck"/>). Resource-level checks (whose data) follow in the handler.
/// </summary>
public sealed class RpcAccessRules
{
    private readonly Dictionary<string, string[]> _roles = new(StringComparer.Ordinal);

    /// <param name="method">The RPC's name as in the proto, best taken with nameof on the generated service base.</param>
    public RpcAccessRules Allow(ServiceDescriptor service, string method, params IReadOnlyList<string> roles)
    {
        if (service.FindMethodByName(method) is null)
        {
            throw new ArgumentException($"{service.FullName} has no RPC named {method}.", nameof(method));
        }

        if (roles.Count == 0 || roles.Any(role => !Roles.All.Contains(role)))
        {
            throw new ArgumentException($"{service.FullName}.{method} must name at least one of the roles {string.Join(", ", Roles.All)}.", nameof(roles));
        }

        _roles.Add(FullMethodName(service.FullName, method), [.. roles]);
        return this;
    }

    /// <param name="fullMethodName">As gRPC names it: "/package.Service/Method".</param>
    public IReadOnlyList<string>? RolesFor(string fullMethodName) => _roles.GetValueOrDefault(fullMethodName);

    public static string FullMethodName(string serviceFullName, string method) => $"/{serviceFullName}/{method}";
}
