using KiPlatform.AppHost.Infrastructure.Local;
using Npgsql;

namespace KiPlatform.AppHost.Tests;

public sealed class UntilPostgresAcceptsTests
{
    [Fact]
    public async Task Work_refused_while_the_server_starts_up_is_retried_until_it_succeeds()
    {
        var pipeline = UntilPostgresAccepts.Create(TimeSpan.FromMilliseconds(1), maxAttempts: 5);
        var attempts = 0;

        await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            return attempts < 3 ? throw new NpgsqlException("the database system is starting up") : ValueTask.CompletedTask;
        }, TestContext.Current.CancellationToken);

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_server_that_never_accepts_fails_after_the_last_attempt()
    {
        var pipeline = UntilPostgresAccepts.Create(TimeSpan.FromMilliseconds(1), maxAttempts: 2);
        var attempts = 0;

        await Assert.ThrowsAsync<NpgsqlException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            throw new NpgsqlException("the database system is starting up");
        }, TestContext.Current.CancellationToken));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        var pipeline = UntilPostgresAccepts.Create(TimeSpan.FromMilliseconds(1), maxAttempts: 5);
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            attempts++;
            throw new InvalidOperationException("a bug, not a server starting up");
        }, TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
    }
}
