using System.Diagnostics.Metrics;
using KiPlatform.Messaging;
using KiPlatform.Messaging.Deduplication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Npgsql;

namespace KiPlatform.Integration.Tests.Messaging;

/// <summary>
/// Inserts of several handled messages committed in one transaction, against real PostgreSQL. Each test holds the first
/// group's insert on a row lock, so the members queued meanwhile form the second group, whatever the machine's speed.
/// </summary>
[Collection(SequentialMessagingTests.Name)]
public sealed class ConsumerGroupCommitTests(ServersFixture servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_waiting_while_a_group_commits_commit_together_as_the_next_group()
    {
        await using var fixture = await GroupFixture.StartAsync(servers);
        using var sizes = new MetricCollector<long>(fixture.Services.GetRequiredService<IMeterFactory>(), MessagingTelemetry.Name, "ki.consumer.commit_group.size");

        var (first, waiting) = await fixture.CommitBehindAHeldGroupAsync(Enumerable.Range(2, 9).Select(s => fixture.Handled(s)).ToList());

        Assert.True(await first);
        Assert.All(await Task.WhenAll(waiting), Assert.True);
        Assert.Equal(Enumerable.Range(1, 10), (await fixture.HandledSequencesAsync()).Order());
        Assert.Equal(10, await fixture.ProcessedCountAsync());
        Assert.Equal([1L, 9L], sizes.GetMeasurementSnapshot().Select(m => m.Value).Order());
    }

    [Fact]
    public async Task A_group_with_one_insert_the_database_refuses_commits_none_of_its_members_and_tells_each()
    {
        await using var fixture = await GroupFixture.StartAsync(servers);
        using var failed = new MetricCollector<long>(fixture.Services.GetRequiredService<IMeterFactory>(), MessagingTelemetry.Name, "ki.consumer.commit_group.failed");
        await fixture.InsertReceiptAsync(5); // the member for sequence 5 will insert it again
        var members = Enumerable.Range(2, 8).Select(s => fixture.Handled(s)).ToList();

        var (first, waiting) = await fixture.CommitBehindAHeldGroupAsync(members);

        Assert.True(await first);
        Assert.All(await Task.WhenAll(waiting), Assert.False);
        Assert.Equal([1, 5], (await fixture.HandledSequencesAsync()).Order());
        Assert.Equal(1, await fixture.ProcessedCountAsync());
        Assert.Equal(1, failed.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    /// <summary>A group committer of the probe database, and the lock that holds its first group.</summary>
    private sealed class GroupFixture : IAsyncDisposable
    {
        private readonly string _database;
        private readonly ServiceProvider _services;
        private readonly Guid _run = Guid.NewGuid();

        private GroupFixture(string database, ServiceProvider services)
        {
            _database = database;
            _services = services;
        }

        public IServiceProvider Services => _services;

        public static async Task<GroupFixture> StartAsync(ServersFixture servers)
        {
            var database = await servers.CreateDatabaseAsync(Cancellation);
            await ProbeDbContext.CreateSchemaAsync(database, Cancellation);
            var services = new ServiceCollection()
                .AddLogging()
                .AddMetrics()
                .AddSingleton<MessagingTelemetry>()
                .AddSingleton<ConsumerGroupCommit<ProbeDbContext>>()
                .AddDbContext<ProbeDbContext>(options => options.UseNpgsql(database))
                .AddOptions<MessagingOptions>().Services
                .BuildServiceProvider();
            return new GroupFixture(database, services);
        }

        /// <summary>What a consumer run for probe <paramref name="sequence"/> leaves to commit: its receipt and processed-message record.</summary>
        public PendingInserts Handled(int sequence)
        {
            using var db = new ProbeDbContext(ProbeDbContext.Options(_database));
            db.Set<ProcessedMessage>().Add(new ProcessedMessage { MessageId = Guid.NewGuid(), Consumer = "receipts", ProcessedAt = DateTimeOffset.UtcNow });
            db.Receipts.Add(new Receipt { Run = _run, Sequence = sequence, Kind = "handled" });
            return PendingInserts.Capture(db) ?? throw new InvalidOperationException("inserts only");
        }

        /// <summary>
        /// Commits probe 1 while another transaction holds its receipt's key, so that group waits on the lock; queues
        /// <paramref name="members"/> meanwhile, then lets the first group go.
        /// </summary>
        public async Task<(Task<bool> First, List<Task<bool>> Waiting)> CommitBehindAHeldGroupAsync(List<PendingInserts> members)
        {
            var group = _services.GetRequiredService<ConsumerGroupCommit<ProbeDbContext>>();
            await using var holder = new NpgsqlConnection(_database);
            await holder.OpenAsync(Cancellation);
            await using var hold = await holder.BeginTransactionAsync(Cancellation);
            await InsertReceiptAsync(holder, 1);

            var first = group.CommitAsync(Handled(1), Cancellation);
            await Eventually.MatchesAsync(LockWaitsAsync, waits => waits == 1, "the first group waits for the held key");
            var waiting = members.Select(m => group.CommitAsync(m, Cancellation)).ToList();
            await hold.RollbackAsync(Cancellation);
            return (first, waiting);
        }

        public async Task InsertReceiptAsync(int sequence)
        {
            await using var connection = new NpgsqlConnection(_database);
            await connection.OpenAsync(Cancellation);
            await InsertReceiptAsync(connection, sequence);
        }

        public async Task<List<int>> HandledSequencesAsync() =>
            (await ProbeHost.ReceiptsAsync(_database, _run, Cancellation)).Where(r => r.Kind == "handled").Select(r => r.Sequence).ToList();

        public async Task<int> ProcessedCountAsync()
        {
            await using var db = new ProbeDbContext(ProbeDbContext.Options(_database));
            return await db.Set<ProcessedMessage>().CountAsync(Cancellation);
        }

        public ValueTask DisposeAsync() => _services.DisposeAsync();

        private async Task InsertReceiptAsync(NpgsqlConnection connection, int sequence)
        {
            await using var insert = new NpgsqlCommand("""INSERT INTO receipts ("Run", "Sequence", "MessageId", "Kind") VALUES ($1, $2, $3, 'handled')""", connection)
            {
                Parameters = { new() { Value = _run }, new() { Value = sequence }, new() { Value = Guid.NewGuid() } },
            };
            await insert.ExecuteNonQueryAsync(Cancellation);
        }

        private async Task<long> LockWaitsAsync(CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(_database);
            await connection.OpenAsync(cancellationToken);
            await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
            return (long)(await query.ExecuteScalarAsync(cancellationToken))!;
        }
    }
}
