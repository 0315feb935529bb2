using System.Collections.Concurrent;
using System.Diagnostics;
using KiPlatform.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KiPlatform.OutboxBench;

public sealed record BenchEvent(long Sequence);

/// <summary>What a command changes next to its event, and what a consumer writes as its effect.</summary>
public sealed class BenchRow
{
    public long Id { get; init; }

    public long Sequence { get; init; }
}

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<BenchRow> Rows => Set<BenchRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchRow>().ToTable("bench_rows");
        modelBuilder.AddMessagingTables();
    }

    public static async Task CreateSchemaAsync(DbContextOptions<BenchDbContext> options)
    {
        await using var db = new BenchDbContext(options);
        await db.Database.EnsureCreatedAsync();
    }
}

/// <summary>Commit and consume instants per event (Stopwatch ticks), filled by the writers and the consumer.</summary>
public sealed class Timeline
{
    public ConcurrentDictionary<long, long> Committed { get; } = new();

    public ConcurrentDictionary<long, long> Published { get; } = new();

    public ConcurrentDictionary<long, long> Consumed { get; } = new();

    public void Clear()
    {
        Committed.Clear();
        Published.Clear();
        Consumed.Clear();
    }
}

/// <summary>Notes when the broker confirmed each event's publish.</summary>
public sealed class PublishedObserver(Timeline timeline) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (context.Message is BenchEvent bench)
        {
            timeline.Published.TryAdd(bench.Sequence, Stopwatch.GetTimestamp());
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}

/// <summary>The consumer's effect is one row, committed with its processed-message record as in every service.</summary>
public sealed class BenchConsumer(BenchDbContext db) : IConsumer<BenchEvent>
{
    public Task Consume(ConsumeContext<BenchEvent> context)
    {
        db.Rows.Add(new BenchRow { Sequence = -context.Message.Sequence });
        return Task.CompletedTask;
    }
}

/// <summary>Notes when each event's consumption completed, its commit included.</summary>
public sealed class ConsumedObserver(Timeline timeline) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is BenchEvent bench)
        {
            timeline.Consumed.TryAdd(bench.Sequence, Stopwatch.GetTimestamp());
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
