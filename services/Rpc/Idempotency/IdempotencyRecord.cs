using Microsoft.EntityFrameworkCore;

namespace KiPlatform.Rpc.Idempotency;

/// <summary>
/// The first outcome of a command, kept under the caller's request_id so a retry gets the same answer and does the
/// work once. Written in the command's own transaction: the record exists exactly when the effect does.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>The RPC and the caller's subject: one caller cannot replay another's request_id.</summary>
    public required string Scope { get; init; }

    public Guid RequestId { get; init; }

    /// <summary>SHA-256 of the request message, to refuse the same request_id with different content.</summary>
    public required byte[] RequestHash { get; init; }

    /// <summary>The response message as sent the first time.</summary>
    public byte[]? Response { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

public static class IdempotencyModel
{
    public static ModelBuilder AddIdempotencyRecords(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable("idempotency_records");
            record.HasKey(r => new { r.Scope, r.RequestId });
            record.Property(r => r.Scope).HasColumnName("scope").HasMaxLength(300);
            record.Property(r => r.RequestId).HasColumnName("request_id");
            record.Property(r => r.RequestHash).HasColumnName("request_hash");
            record.Property(r => r.Response).HasColumnName("response");
            record.Property(r => r.CreatedAt).HasColumnName("created_at");
            record.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_idempotency_records_created_at");
        });
        return modelBuilder;
    }
}
