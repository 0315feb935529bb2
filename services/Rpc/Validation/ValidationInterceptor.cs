using FluentValidation;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace KiPlatform.Rpc.Validation;

/// <summary>
/// Checks every request message against the <see cref="MessageLimits"/> every request keeps, then validates it with its
/// <see cref="IValidator{T}"/>, before the handler does any work. That every request type has a validator is checked
/// at start-up (<see cref="RpcConventionsCheck"/>).
/// </summary>
public sealed class ValidationInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await ValidateAsync(request, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await ValidateAsync(request, context);
        await continuation(request, responseStream, context);
    }

    private static async Task ValidateAsync<TRequest>(TRequest request, ServerCallContext context)
    {
        if (PlatformRpcs.IsPlatform(context.Method))
        {
            return;
        }

        if (request is IMessage message && MessageLimits.Violations(message) is { Count: > 0 } beyondLimits)
        {
            throw ValidationErrors.ToRpcException(beyondLimits);
        }

        var validator = context.GetHttpContext().RequestServices.GetService<IValidator<TRequest>>()
            ?? throw new InvalidOperationException($"No validator is registered for {typeof(TRequest).Name}.");
        var result = await validator.ValidateAsync(request, context.CancellationToken);
        if (!result.IsValid)
        {
            throw ValidationErrors.ToRpcException(result.Errors);
        }
    }
}
