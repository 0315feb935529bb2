using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using KiPlatform.Infrastructure;
using KiPlatform.Messaging;
using KiPlatform.Messaging.Outbox;
using KiPlatform.OutboxBench;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// Outbox throughput and commit-to-consumed latency against the AppHost's real PostgreSQL and RabbitMQ (local mode).
// The producing service (commands writing a row plus an event per transaction, and its outbox dispatcher) and the
// consuming service (message deduplication and one row per event) run as two hosts in this process, wired as the services are.
// Usage: bench/outbox.sh [seconds per phase] [latency-phase rate] [phases: commit,rawcommit,publish,drain,steady,latency]
// The commit phases read BENCH_WRITERS (default 16) and BENCH_COMMANDS (default 20000); the steady phases
// BENCH_WARMUP_SECONDS (default 30) and BENCH_EVENTS_PER_COMMAND (default 1). Messaging__* settings apply to both hosts.
var steadySeconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var latencyRate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var phases = args.Length > 2 ? args[2].Split(',') : ["commit", "rawcommit", "publish", "drain", "steady", "latency"];
const int drainEvents = 30_000;
const int throughputTarget = 2_000;
// Seconds each steady phase first runs at its rate, unmeasured (BENCH_WARMUP_SECONDS).
var warmUpSeconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP_SECONDS") ?? "30", CultureInfo.InvariantCulture);
const long WarmUpSequences = 1_000_000_000; // the warm-up's events, apart from the measured ones
var commitWriters = int.Parse(Environment.GetEnvironmentVariable("BENCH_WRITERS") ?? "16", CultureInfo.InvariantCulture);
var commitCommands = int.Parse(Environment.GetEnvironmentVariable("BENCH_COMMANDS") ?? "20000", CultureInfo.InvariantCulture);
// Events each command of the steady phases raises: 1 measures commands of one event each; more measures the outbox,
// dispatcher and the consumer at the same event rate with less of the producer's own command work on the shared cores.
var eventsPerCommand = int.Parse(Environment.GetEnvironmentVariable("BENCH_EVENTS_PER_COMMAND") ?? "1", CultureInfo.InvariantCulture);

var dataRoot = Directory.CreateTempSubdirectory("ki-bench-").FullName;
Console.WriteLine($"Starting PostgreSQL and RabbitMQ (data root {dataRoot}) ...");
var appBuilder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.KiPlatform_AppHost>(
    ["--Infrastructure:Mode=local", $"--Infrastructure:DataRoot={dataRoot}", "--AppHost:InfrastructureOnly=true"]);
// The servers' own output would cost CPU the measurement needs.
appBuilder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("KiPlatform.AppHost.Resources", LogLevel.None));
await using var app = await appBuilder.BuildAsync();
await app.StartAsync();
await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres");
await app.ResourceNotifications.WaitForResourceHealthyAsync("messaging");
var postgres = await app.GetConnectionStringAsync("postgres") ?? throw new InvalidOperationException("no postgres");
var messaging = await app.GetConnectionStringAsync("messaging") ?? throw new InvalidOperationException("no messaging");

var results = new List<string>();
var phaseDatabases = new List<string>();
var phaseQueues = new List<string>();
var idleBefore = Process.GetCurrentProcess().TotalProcessorTime;
await Task.Delay(TimeSpan.FromSeconds(5));
Console.WriteLine($"Idle: this process (AppHost orchestration included) uses {(Process.GetCurrentProcess().TotalProcessorTime - idleBefore).TotalMilliseconds / 5000:P0} of a core.");
if (phases.Contains("commit"))
{
    await RunCommitOnlyAsync();
}

if (phases.Contains("rawcommit"))
{
    await RunRawCommitAsync();
}

if (phases.Contains("publish"))
{
    await RunDrainAsync(withConsumer: false);
}

if (phases.Contains("drain"))
{
    await RunDrainAsync(withConsumer: true);
}

if (phases.Contains("steady"))
{
    await RunSteadyAsync(throughputTarget, steadySeconds, "steady", latencies: false);
}

if (phases.Contains("latency"))
{
    await RunSteadyAsync(latencyRate, steadySeconds, "latency", latencies: true);
}

Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores. Results:");
results.ForEach(Console.WriteLine);
await app.StopAsync();
Directory.Delete(dataRoot, recursive: true);
return 0;

// Commands alone (a row and an event per transaction, BENCH_WRITERS at once), nothing dispatched: what the database takes.
async Task RunCommitOnlyAsync()
{
    var (producerDb, _) = await CreateDatabasesAsync("commit");
    var services = new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddDbContextPool<BenchDbContext>(options => options.UseNpgsql(producerDb, npgsql => npgsql.EnableRetryOnFailure()))
        .AddScoped<EventOutbox<BenchDbContext>>();
    await using var provider = services.BuildServiceProvider();
    var total = commitCommands;
    var next = -1L;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, commitWriters).Select(async _ =>
    {
        long sequence;
        while ((sequence = Interlocked.Increment(ref next)) < total)
        {
            await CommitCommandAsync(provider, sequence, events: 1);
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var line = $"commit  : {total} commands (a row and an event each, {commitWriters} at once) in {elapsed.TotalSeconds:F1} s = {total / elapsed.TotalSeconds:F0}/s, nothing dispatched; " +
               $"this process used {cpu.TotalMilliseconds * 1000 / total:F0} µs CPU per command";
    results.Add(line);
    Console.WriteLine(line);
}

// The same transactions through plain Npgsql, to tell EF's share of the CPU from the driver's and the machine's.
async Task RunRawCommitAsync()
{
    var (producerDb, _) = await CreateDatabasesAsync("rawcommit");
    await using var dataSource = NpgsqlDataSource.Create(producerDb);
    var total = commitCommands;
    var next = -1L;
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, commitWriters).Select(async _ =>
    {
        long sequence;
        while ((sequence = Interlocked.Increment(ref next)) < total)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("INSERT INTO bench_rows (\"Sequence\") VALUES ($1)") { Parameters = { new() { Value = sequence } } },
                    new NpgsqlBatchCommand("INSERT INTO outbox_messages (id, message_type, body, created_at, next_attempt_at, attempts) VALUES ($1, 'x', '{}', now(), now(), 0)")
                    {
                        Parameters = { new() { Value = Guid.CreateVersion7() } },
                    },
                },
            };
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(started);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var line = $"raw     : {total} transactions through plain Npgsql ({commitWriters} at once) in {elapsed.TotalSeconds:F1} s = {total / elapsed.TotalSeconds:F0}/s; {cpu.TotalMilliseconds * 1000 / total:F0} µs CPU each";
    results.Add(line);
    Console.WriteLine(line);
}

// Events committed while no dispatcher ran, then drained: how fast one dispatcher publishes, alone or while one
// consumer consumes them.
async Task RunDrainAsync(bool withConsumer)
{
    var label = withConsumer ? "drain" : "publish";
    var (producerDb, consumerDb) = await CreateDatabasesAsync(label);
    await using (var db = new BenchDbContext(Options(producerDb)))
    {
        var outbox = new EventOutbox<BenchDbContext>(db, TimeProvider.System);
        for (var i = 0; i < drainEvents; i++)
        {
            outbox.Add(new BenchEvent(i));
        }

        await db.SaveChangesAsync();
    }

    var timeline = new Timeline();
    using var consumer = withConsumer ? await StartHostAsync($"{label}-consumer", consumerDb, timeline, consumers: true) : null;
    var started = Stopwatch.GetTimestamp();
    using var producer = await StartHostAsync($"{label}-producer", producerDb, timeline, consumers: false);
    var published = await WaitUntilAsync(async () => await PendingAsync(producerDb) == 0, TimeSpan.FromMinutes(5));
    var publishedAfter = Stopwatch.GetElapsedTime(started);
    var line = $"{label,-8}: {drainEvents} pre-committed events published in {publishedAfter.TotalSeconds:F1} s = {drainEvents / publishedAfter.TotalSeconds:F0} events/s{(published ? "" : " (publish did not finish)")}";
    if (consumer is not null)
    {
        await WaitUntilAsync(() => Task.FromResult(timeline.Consumed.Count >= drainEvents), TimeSpan.FromMinutes(5));
        var consumedAfter = Stopwatch.GetElapsedTime(started);
        line += $"; all consumed after {consumedAfter.TotalSeconds:F1} s = {drainEvents / consumedAfter.TotalSeconds:F0} events/s end to end";
        await consumer.StopAsync();
    }

    await producer.StopAsync();
    results.Add(line);
    Console.WriteLine(line);
}

// Writers commit at a fixed rate while the dispatcher and the consumer run. The same hosts first run at that rate for
// the warm-up, until all of it is consumed: the measurement then sees what a long-running service does, with its hot
// paths compiled (tiering up takes tens of seconds on two busy cores), its connections open and no backlog.
async Task RunSteadyAsync(int rate, int seconds, string label, bool latencies)
{
    var (producerDb, consumerDb) = await CreateDatabasesAsync(label);
    var timeline = new Timeline();
    using var consumer = await StartHostAsync($"{label}-consumer", consumerDb, timeline, consumers: true);
    using var producer = await StartHostAsync($"{label}-producer", producerDb, timeline, consumers: false);

    var (warmUpTotal, _) = await OfferAsync(producer, timeline, rate, warmUpSeconds, WarmUpSequences);
    var warmedUp = await WaitUntilAsync(() => Task.FromResult(timeline.Consumed.Count >= warmUpTotal), TimeSpan.FromMinutes(5));
    timeline.Clear();

    var started = Stopwatch.GetTimestamp();
    var (total, committedAfter) = await OfferAsync(producer, timeline, rate, seconds, 0);
    await WaitUntilAsync(() => Task.FromResult(timeline.Consumed.Count >= total), TimeSpan.FromMinutes(5));
    var consumedAfter = Stopwatch.GetElapsedTime(started);
    var line = $"{label,-8}: after {warmUpSeconds} s at the rate{(warmedUp ? "" : " (its backlog did not drain within 5 min)")}, offered {rate} events/s ({eventsPerCommand} per command) for {seconds} s; " +
               $"committed {total} in {committedAfter.TotalSeconds:F1} s = {total / committedAfter.TotalSeconds:F0}/s; " +
               $"all consumed {(consumedAfter - committedAfter).TotalMilliseconds:F0} ms after the last commit = {total / consumedAfter.TotalSeconds:F0} events/s sustained";
    if (latencies)
    {
        var samples = timeline.Committed
            .Select(c => Stopwatch.GetElapsedTime(c.Value, timeline.Consumed[c.Key]).TotalMilliseconds)
            .Order()
            .ToArray();
        double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
        double[] Stage(Func<long, (long From, long To)> span) => timeline.Committed.Keys
            .Select(k => span(k)).Select(s => Stopwatch.GetElapsedTime(s.From, s.To).TotalMilliseconds).Order().ToArray();
        var toPublish = Stage(k => (timeline.Committed[k], timeline.Published[k]));
        var toConsume = Stage(k => (timeline.Published[k], timeline.Consumed[k]));
        line += $"; commit-to-consumed p50 {Percentile(samples, 0.50):F1} ms, p95 {Percentile(samples, 0.95):F1} ms, " +
                $"p99 {Percentile(samples, 0.99):F1} ms, max {samples[^1]:F1} ms (of which commit-to-confirmed p50 {Percentile(toPublish, 0.5):F1} / p99 {Percentile(toPublish, 0.99):F1} ms, " +
                $"confirmed-to-consumed p50 {Percentile(toConsume, 0.5):F1} / p99 {Percentile(toConsume, 0.99):F1} ms)";
    }

    results.Add(line);
    Console.WriteLine(line);
    await Task.WhenAll(producer.StopAsync(), consumer.StopAsync());
}

// Commands at a fixed rate from 16 writers. Event sequences start at firstSequence; returns how many events were
// committed, and when.
async Task<(long Total, TimeSpan CommittedAfter)> OfferAsync(IHost producer, Timeline timeline, int rate, int seconds, long firstSequence)
{
    const int writers = 16;
    var commands = rate * seconds / eventsPerCommand;
    var interval = TimeSpan.FromSeconds((double)eventsPerCommand / rate);
    var started = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
    {
        for (long command = writer; command < commands; command += writers)
        {
            var due = interval * command - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var first = firstSequence + command * eventsPerCommand;
            await CommitCommandAsync(producer.Services, first, eventsPerCommand);
            var committed = Stopwatch.GetTimestamp();
            for (var sequence = first; sequence < first + eventsPerCommand; sequence++)
            {
                timeline.Committed[sequence] = committed;
            }
        }
    }));
    return ((long)commands * eventsPerCommand, Stopwatch.GetElapsedTime(started));
}

// One command as a service handles it: its own scope, a state change and its events (sequences first, first + 1, …)
// in one transaction.
static async Task CommitCommandAsync(IServiceProvider services, long first, int events)
{
    await using var scope = services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
    db.Rows.Add(new BenchRow { Sequence = first });
    var outbox = scope.ServiceProvider.GetRequiredService<EventOutbox<BenchDbContext>>();
    for (var sequence = first; sequence < first + events; sequence++)
    {
        outbox.Add(new BenchEvent(sequence));
    }

    await db.SaveChangesAsync();
}

async Task<IHost> StartHostAsync(string name, string database, Timeline timeline, bool consumers)
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        ApplicationName = $"KiPlatform.bench-{name}-{Guid.NewGuid():N}",
        EnvironmentName = Environments.Production,
        DisableDefaults = true,
    });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = messaging });
    builder.Configuration.AddEnvironmentVariables(); // Messaging__* tunes the hosts as it tunes a service
    builder.Services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
    // Pooled, with the retrying strategy, as Aspire's AddNpgsqlDbContext registers a service's context.
    builder.Services.AddDbContextPool<BenchDbContext>(options => options.UseNpgsql(database, npgsql => npgsql.EnableRetryOnFailure()));
    builder.Services.AddSingleton(timeline);
    builder.AddServiceMessaging<BenchDbContext>(bus =>
    {
        if (consumers)
        {
            bus.AddConsumer<BenchConsumer>();
        }
    });
    if (consumers)
    {
        builder.Services.AddConsumeObserver<ConsumedObserver>();
    }
    else
    {
        builder.Services.AddPublishObserver<PublishedObserver>();
    }

    var host = builder.Build();
    if (consumers)
    {
        // The consumer's queue, by the endpoint names ServiceBus gave the host.
        phaseQueues.Add(host.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<BenchConsumer>());
    }

    await host.StartAsync();
    return host;
}

async Task<(string Producer, string Consumer)> CreateDatabasesAsync(string label)
{
    // Each phase has databases of its own; the pools of the previous phase would hold connections the server needs.
    NpgsqlConnection.ClearAllPools();
    var names = new[] { $"bench_{label}_producer_{Guid.NewGuid():N}", $"bench_{label}_consumer_{Guid.NewGuid():N}" };
    await using (var connection = new NpgsqlConnection(postgres))
    {
        await connection.OpenAsync();
        await ClearFinishedPhasesAsync(connection);

        foreach (var name in names)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
            phaseDatabases.Add(name);
        }
    }

    // Connected as the services connect (ServiceDatabase.WithServiceDefaults).
    var databases = names
        .Select(name => ServiceDatabase.WithServiceDefaults(new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = 50 }.ConnectionString))
        .ToArray();
    foreach (var database in databases)
    {
        await BenchDbContext.CreateSchemaAsync(Options(database));
    }

    return (databases[0], databases[1]);
}

// A phase must not pay for the ones before it. Their consumer queues stay bound to the event's exchange and, with no
// consumer left, store a copy of every event the next phase publishes; their databases' writes are still to be
// checkpointed. Run after the steady phase with both left in place, the latency phase's p99 rose from under 100 ms to
// over 200 ms.
async Task ClearFinishedPhasesAsync(NpgsqlConnection connection)
{
    var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(messaging) };
    await using (var broker = await factory.CreateConnectionAsync())
    await using (var channel = await broker.CreateChannelAsync())
    {
        foreach (var queue in phaseQueues)
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        }
    }

    foreach (var name in phaseDatabases)
    {
        await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    phaseQueues.Clear();
    phaseDatabases.Clear();
    await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection);
    await checkpoint.ExecuteNonQueryAsync();
}

static DbContextOptions<BenchDbContext> Options(string connectionString) =>
    new DbContextOptionsBuilder<BenchDbContext>().UseNpgsql(connectionString).Options;

static async Task<int> PendingAsync(string database)
{
    await using var db = new BenchDbContext(Options(database));
    return await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null);
}

static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan deadline)
{
    var until = Stopwatch.GetTimestamp() + (long)(deadline.TotalSeconds * Stopwatch.Frequency);
    while (Stopwatch.GetTimestamp() < until)
    {
        if (await condition())
        {
            return true;
        }

        await Task.Delay(20);
    }

    return false;
}
