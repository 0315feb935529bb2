using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KiPlatform.Messaging.Outbox;

/// <summary>
/// Listens on the database's outbox channel and wakes the dispatcher the moment a transaction that wrote outbox rows
/// commits, whichever instance committed it. This is what makes dispatch start within milliseconds of a commit.
/// </summary>
internal sealed partial class OutboxCommitListener<TContext>(
    IServiceScopeFactory scopes,
    OutboxWakeUp wakeUp,
    TimeProvider clock,
    ILogger<OutboxCommitListener<TContext>> logger)
    where TContext : DbContext
{
    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        var connectionString = ConnectionString();
        var retryDelay = TimeSpan.FromMilliseconds(500);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                connection.Notification += (_, _) => wakeUp.Signal();
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxModel.NotificationChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }

                // Rows committed while no one listened get no notification of their own.
                wakeUp.Signal();
                retryDelay = TimeSpan.FromMilliseconds(500);
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // Meanwhile the dispatcher still polls, so events are only later, not lost.
                LogListenFailed(exception, retryDelay);
                await Task.Delay(retryDelay, clock, cancellationToken);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private string ConnectionString()
    {
        using var scope = scopes.CreateScope();
        var connectionString = scope.ServiceProvider.GetRequiredService<TContext>().Database.GetConnectionString()
            ?? throw new InvalidOperationException($"{typeof(TContext).Name} has no connection string.");
        // Keepalives notice a connection that died silently, so the listener reconnects instead of waiting forever.
        return new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 15 }.ConnectionString;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for outbox commits failed; retrying in {RetryDelay}")]
    private partial void LogListenFailed(Exception exception, TimeSpan retryDelay);
}
