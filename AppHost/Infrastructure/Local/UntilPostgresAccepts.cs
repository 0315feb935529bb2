using Npgsql;
using Polly;
using Polly.Retry;

namespace KiPlatform.AppHost.Infrastructure.Local;

/// <summary>
/// PostgreSQL answers the protocol probe before it accepts connections: after an unclean stop it first replays its
/// log, and meanwhile refuses every login with "the database system is starting up" (57P03). Work done as soon as the
/// server counts as ready (creating the services' databases) therefore retries until the server accepts, for up to
/// about five minutes, instead of failing once and leaving the services waiting for a database that never comes.
/// </summary>
internal static class UntilPostgresAccepts
{
    public static ResiliencePipeline Pipeline { get; } = Create(TimeSpan.FromMilliseconds(200), maxAttempts: 60);

    internal static ResiliencePipeline Create(TimeSpan firstDelay, int maxAttempts) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(),
            BackoffType = DelayBackoffType.Exponential,
            Delay = firstDelay,
            MaxDelay = TimeSpan.FromSeconds(5),
            MaxRetryAttempts = maxAttempts,
            UseJitter = true,
        })
        .Build();
}
