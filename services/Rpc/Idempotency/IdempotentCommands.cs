using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Security;
using KiPlatform.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiPlatform.Rpc.Idempotency;

/// <summary>
/// Runs a command at most once per request_id: the first call does the work and stores its response in the same
/// transaction; a repeat returns that response without doing anything; the same request_id with a different request
/// is refused (INVALID_ARGUMENT, reason REQUEST_ID_REUSED). Concurrent repeats wait for the first to finish.
/// </summary>
public sealed class IdempotentCommands<TContext>(TContext db, TimeProvider clock) where TContext : DbContext
{
    public const string RequestIdReusedReason = "REQUEST_ID_REUSED";

    /// <param name="command">
    /// The work, changing <typeparamref name="TContext"/> (the same scoped instance); its changes and outbox events
    /// are saved and committed together with the record.
    /// </param>
    public Task<TResponse> ExecuteAsync<TRequest, TResponse>(
        TRequest request, string requestId, ServerCallContext context, Func<CancellationToken, Task<TResponse>> command)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        var id = Guid.Parse(requestId);
        var scope = $"{context.Method}|{context.Caller().Subject}";
        var hash = SHA256.HashData(request.ToByteArray());
        return db.Database.CreateExecutionStrategy().ExecuteAsync(
            ct => ExecuteOnceAsync(scope, id, hash, command, ct),
            context.CancellationToken);
    }

    private async Task<TResponse> ExecuteOnceAsync<TResponse>(
        string scope, Guid requestId, byte[] hash, Func<CancellationToken, Task<TResponse>> command, CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>, new()
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A concurrent call with the same key blocks here until the first commits (then finds its record) or rolls
        // back (then does the work itself).
        var claimed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO idempotency_records (scope, request_id, request_hash, created_at)
            VALUES ({scope}, {requestId}, {hash}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);
        if (claimed == 0)
        {
            var first = await db.Set<IdempotencyRecord>().AsNoTracking()
                .SingleAsync(r => r.Scope == scope && r.RequestId == requestId, cancellationToken);
            if (!CryptographicOperations.FixedTimeEquals(first.RequestHash, hash))
            {
                throw RpcErrors.InvalidArgument("request_id",
                    "This request_id was already used for a different request; choose a new UUID for a new intent.", RequestIdReusedReason);
            }

            return new MessageParser<TResponse>(() => new TResponse()).ParseFrom(first.Response);
        }

        var response = await command(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE idempotency_records SET response = {response.ToByteArray()} WHERE scope = {scope} AND request_id = {requestId}",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}

public static class IdempotentCommandsRegistration
{
    /// <summary>How long a request_id is remembered: retries of one intent come within minutes, not days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(2);

    /// <summary>
    /// Idempotent commands whose records live in <typeparamref name="TContext"/> (its model calls
    /// <see cref="IdempotencyModel.AddIdempotencyRecords"/>), forgotten after <see cref="Retention"/>.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotentCommands<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddScoped<IdempotentCommands<TContext>>();
        builder.Services.AddRetentionPruning<TContext, IdempotencyRecord>(record => record.CreatedAt, _ => Retention);
        return builder;
    }
}
