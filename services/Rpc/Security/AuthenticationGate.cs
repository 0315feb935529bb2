using Grpc.AspNetCore.Server;
using Grpc.Core;
using KiPlatform.Rpc.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace KiPlatform.Rpc.Security;

/// <summary>
/// Authenticates every request, and refuses an RPC that needs a token when the call carries no valid one before its
/// body is read: a caller without a token learns nothing about the request it sent, and costs no decoding.
/// Which roles may call an RPC is the <see cref="AuthorizationInterceptor"/>'s decision, once the call is known.
/// </summary>
public static class AuthenticationGate
{
    public static IApplicationBuilder UseRpcAuthentication(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        var platformRpcs = app.ApplicationServices.GetRequiredService<PlatformRpcs>();
        return app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } rpc
                && !platformRpcs.IsAnonymous(rpc.Method.FullName)
                && context.User.Identity?.IsAuthenticated != true)
            {
                WriteTrailersOnly(context.Response, await RefusalAsync(context));
                return;
            }

            await next(context);
        });
    }

    /// <summary>Why a call without a valid token is refused: no token, an expired one, or one not valid here.</summary>
    public static async Task<RpcException> RefusalAsync(HttpContext http)
    {
        if (string.IsNullOrEmpty(http.Request.Headers.Authorization))
        {
            return RpcErrors.Unauthenticated("Every call needs an 'authorization: Bearer <token>' header.", AuthorizationInterceptor.TokenMissing);
        }

        // The authentication middleware keeps only successes; the handler caches its result, so this re-reads it.
        var result = await http.AuthenticateAsync();
        return result.Failure is SecurityTokenExpiredException
            ? RpcErrors.Unauthenticated("The bearer token has expired; get a new one.", AuthorizationInterceptor.TokenExpired)
            : RpcErrors.Unauthenticated("The bearer token is not valid for this platform (signature, issuer, audience or form).", AuthorizationInterceptor.TokenInvalid);
    }

    /// <summary>A gRPC response with no message: status and details go in the response headers (gRPC over HTTP/2's "Trailers-Only").</summary>
    private static void WriteTrailersOnly(HttpResponse response, RpcException error)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)error.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(error.Status.Detail);
        foreach (var entry in error.Trailers)
        {
            response.Headers[entry.Key] = entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;
        }
    }
}
