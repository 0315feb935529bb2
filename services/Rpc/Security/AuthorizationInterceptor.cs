using Grpc.Core;
using Grpc.Core.Interceptors;
using KiPlatform.Rpc.Errors;

namespace KiPlatform.Rpc.Security;

/// <summary>
/// Every RPC requires a valid bearer token whose role the service's <see cref="RpcAccessRules"/> allow; the only
/// exceptions are the health protocol and, in Development, reflection. Refusals carry an ErrorInfo reason saying why.
/// </summary>
public sealed class AuthorizationInterceptor(RpcAccessRules rules, PlatformRpcs platformRpcs) : Interceptor
{
    public const string TokenMissing = "TOKEN_MISSING";
    public const string TokenExpired = "TOKEN_EXPIRED";
    public const string TokenInvalid = "TOKEN_INVALID";
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string NoAccessRule = "NO_ACCESS_RULE";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AuthorizeAsync(ServerCallContext context)
    {
        if (platformRpcs.IsAnonymous(context.Method))
        {
            return;
        }

        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            throw await AuthenticationGate.RefusalAsync(http); // the gate refused it already where it runs
        }

        if (PlatformRpcs.IsPlatform(context.Method))
        {
            return; // Reflection outside Development: any valid token may look at the contract.
        }

        var allowed = rules.RolesFor(context.Method)
            ?? throw RpcErrors.PermissionDenied($"No access rule declares who may call {context.Method}.", NoAccessRule);
        if (!allowed.Any(http.User.IsInRole))
        {
            throw RpcErrors.PermissionDenied($"{context.Method} requires one of the roles {string.Join(", ", allowed)}.", RoleNotAllowed);
        }
    }
}
