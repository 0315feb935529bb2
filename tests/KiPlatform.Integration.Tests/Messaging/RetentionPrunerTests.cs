using KiPlatform.Infrastructure;
using KiPlatform.Messaging.Deduplication;
using KiPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KiPlatform.Integration.Tests.Messaging;

public sealed class RetentionPrunerTests(ServersFixture servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_past_retention_are_deleted_and_younger_ones_kept()
    {
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var old = Guid.NewGuid();
        var young = Guid.NewGuid();
        await using (var db = new ProbeDbContext(ProbeDbContext.Options(database)))
        {
            db.AddRange(
                new ProcessedMessage { MessageId = old, Consumer = "q", ProcessedAt = clock.GetUtcNow().AddDays(-8) },
                new ProcessedMessage { MessageId = young, Consumer = "q", ProcessedAt = clock.GetUtcNow().AddDays(-1) });
            await db.SaveChangesAsync(Cancellation);
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddDbContext<ProbeDbContext>(options => options.UseNpgsql(database))
            .AddRetentionPruning<ProbeDbContext, ProcessedMessage>(p => p.ProcessedAt, _ => TimeSpan.FromDays(7));
        await using var provider = services.BuildServiceProvider();
        var pruner = provider.GetRequiredService<IHostedService>();
        await pruner.StartAsync(Cancellation);

        var left = await Eventually.MatchesAsync(
            async ct =>
            {
                // The pruner's timer starts on a background thread; each look moves time on by one interval until it
                // has fired (the young record would need six days more to expire).
                clock.Advance(TimeSpan.FromMinutes(30));
                await using var db = new ProbeDbContext(ProbeDbContext.Options(database));
                return await db.Set<ProcessedMessage>().Select(p => p.MessageId).ToListAsync(ct);
            },
            ids => ids.Count == 1,
            "the expired record is pruned");
        Assert.Equal([young], left);
        await pruner.StopAsync(Cancellation);
    }

    [Fact]
    public async Task Sent_outbox_rows_past_retention_are_deleted_and_unsent_ones_kept_however_old()
    {
        var database = await servers.CreateDatabaseAsync(Cancellation);
        await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        OutboxMessage Row(int ageDays, bool sent) => new()
        {
            Id = Guid.NewGuid(),
            MessageType = "Probe",
            Body = "{}",
            CreatedAt = clock.GetUtcNow().AddDays(-ageDays),
            NextAttemptAt = clock.GetUtcNow(),
            SentAt = sent ? clock.GetUtcNow().AddDays(-ageDays) : null,
        };
        var oldSent = Row(8, sent: true);
        var youngSent = Row(1, sent: true);
        var oldUnsent = Row(30, sent: false);
        await using (var db = new ProbeDbContext(ProbeDbContext.Options(database)))
        {
            db.AddRange(oldSent, youngSent, oldUnsent);
            await db.SaveChangesAsync(Cancellation);
        }

        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(clock)
            .AddDbContext<ProbeDbContext>(options => options.UseNpgsql(database))
            .AddRetentionPruning<ProbeDbContext, OutboxMessage>(m => m.SentAt!.Value, _ => TimeSpan.FromDays(7));
        await using var provider = services.BuildServiceProvider();
        var pruner = provider.GetRequiredService<IHostedService>();
        await pruner.StartAsync(Cancellation);

        var left = await Eventually.MatchesAsync(
            async ct =>
            {
                clock.Advance(TimeSpan.FromMinutes(30));
                await using var db = new ProbeDbContext(ProbeDbContext.Options(database));
                return await db.Set<OutboxMessage>().Select(m => m.Id).ToListAsync(ct);
            },
            ids => ids.Count == 2,
            "the old sent row is pruned");
        Assert.Equal(new[] { youngSent.Id, oldUnsent.Id }.Order(), left.Order());
        await pruner.StopAsync(Cancellation);
    }
}
