using System.Data.Common;
using System.Diagnostics;
using FluentValidation;
using Grpc.Core;
using Grpc.Core.Interceptors;
using KiPlatform.Domain;
using KiPlatform.Rpc.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KiPlatform.Rpc.Errors;

/// <summary>
/// The one place where exceptions become gRPC statuses: validation failures, domain problems, concurrency conflicts,
/// cancellations and transient faults each get their code and details; anything else becomes INTERNAL with a
/// correlation id (the trace id) and is logged, so the caller never sees internals.
/// </summary>
public sealed partial class ErrorMappingInterceptor(TimeProvider clock, ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    private static readonly TimeSpan DeadlineTolerance = TimeSpan.FromSeconds(1);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context) => exception switch
    {
        ValidationException validation => ValidationErrors.ToRpcException(validation.Errors),
        RuleViolationException rule => RpcErrors.FailedPrecondition(rule.Violations, rule.Message, rule.Reason),
        FieldViolationException field => RpcErrors.InvalidArgument(field.Field, field.Message, field.Reason),
        ResourceNotFoundException notFound => RpcErrors.NotFound(notFound.ResourceName, notFound.Reason),
        ResourceAlreadyExistsException exists => RpcErrors.AlreadyExists(exists.ResourceName, exists.Message, exists.Reason),
        ConcurrencyConflictException conflict => RpcErrors.Aborted(conflict.ResourceName, conflict.Message, conflict.Reason),
        AccessDeniedException denied => RpcErrors.PermissionDenied(denied.Message, denied.Reason),
        DbUpdateConcurrencyException => RpcErrors.Aborted("", "The resource was changed by another call meanwhile; read it again and retry.",
            ConcurrencyConflictException.ConcurrentUpdateReason),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => Cancelled(context),
        _ when IsTransient(exception) => Transient(exception, context),
        _ => Unexpected(exception, context),
    };

    /// <summary>
    /// The caller's deadline passed or the caller went away; the work stopped where the token was checked. The caller's
    /// own deadline timer fires a network latency before the server's copy of it (and resets the stream), so a
    /// cancellation close to the deadline counts as the deadline.
    /// </summary>
    private RpcException Cancelled(ServerCallContext context) => context.Deadline - clock.GetUtcNow().UtcDateTime <= DeadlineTolerance
        ? RpcErrors.Create(StatusCode.DeadlineExceeded.ToGoogleCode(), "The call's deadline passed before it completed.", "DEADLINE_EXCEEDED")
        : RpcErrors.Create(StatusCode.Cancelled.ToGoogleCode(), "The call was cancelled by the caller.", "CANCELLED");

    private RpcException Transient(Exception exception, ServerCallContext context)
    {
        LogTransient(exception, context.Method);
        return RpcErrors.Unavailable("A backing service is briefly unavailable; retry with back-off.", "BACKEND_UNAVAILABLE", TimeSpan.FromSeconds(1));
    }

    private RpcException Unexpected(Exception exception, ServerCallContext context)
    {
        var correlationId = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
        LogUnexpected(exception, context.Method, correlationId);
        return RpcErrors.Internal(correlationId);
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        DbException { IsTransient: true } => true,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly; correlation id {CorrelationId}")]
    private partial void LogUnexpected(Exception exception, string method, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed on a transient fault; the caller is told to retry")]
    private partial void LogTransient(Exception exception, string method);
}

internal static class StatusCodeExtensions
{
    public static Google.Rpc.Code ToGoogleCode(this StatusCode code) => (Google.Rpc.Code)(int)code;
}
