using KiPlatform.Infrastructure;
using KiPlatform.Messaging.Deduplication;
using KiPlatform.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KiPlatform.Messaging;

/// <summary>
/// The RabbitMQ event bus through MassTransit, from the connection string "messaging". Events leave a service only
/// through <see cref="AddTransactionalOutbox{TContext}"/> and are consumed only through <see cref="AddMessageDeduplication{TContext}"/>.
/// </summary>
public static class ServiceBus
{
    public const string ConnectionName = "messaging";

    public static IHostApplicationBuilder AddServiceBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured: the service cannot reach RabbitMQ.");
        var broker = RabbitMqAddress.Parse(connectionString);
        // Queues are named after the consuming service, so two services consuming one event each get their copy.
        var queuePrefix = builder.Configuration[$"{MessagingOptions.SectionName}:{nameof(MessagingOptions.QueuePrefix)}"]
            ?? builder.Environment.ApplicationName.Replace("KiPlatform.", "", StringComparison.Ordinal);

        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MessagingTelemetry>();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, includeNamespace: false));
            bus.AddConfigureEndpointsCallback(ConfigureConsumerEndpoint);
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.UserName);
                    host.Password(broker.Password);
                    // Publish completes only once the broker has the message: the outbox marks a row sent on that.
                    host.PublisherConfirmation = true;
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // Start-up waits for the broker connection, so a ready service can publish at once.
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
        });
        return builder;
    }

    /// <summary>
    /// The bus with both halves of reliable messaging kept in the service's own database <typeparamref name="TContext"/>,
    /// whose model calls <see cref="MessagingModel.AddMessagingTables"/>: the usual registration of a service.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TContext>(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TContext : DbContext =>
        builder.AddServiceBus(configureConsumers).AddTransactionalOutbox<TContext>().AddMessageDeduplication<TContext>();

    /// <summary>
    /// Integration events raised through <see cref="EventOutbox{TContext}"/> are stored in <typeparamref name="TContext"/>
    /// (its model must call <see cref="OutboxModel.AddOutboxMessages"/>) and published by a dispatcher in every instance.
    /// </summary>
    public static IHostApplicationBuilder AddTransactionalOutbox<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddScoped<EventOutbox<TContext>>();
        builder.Services.AddSingleton<OutboxWakeUp>();
        builder.Services.AddSingleton<OutboxBatchPublisher<TContext>>();
        builder.Services.AddSingleton<OutboxCommitSignal>();
        builder.Services.ConfigureDbContext<TContext>((services, options) => options.AddInterceptors(services.GetRequiredService<OutboxCommitSignal>()));
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        builder.Services.AddRetentionPruning<TContext, OutboxMessage>(
            // An unsent row has no SentAt, compares as unknown, and so is never pruned.
            message => message.SentAt!.Value, provider => provider.GetRequiredService<IOptions<MessagingOptions>>().Value.Retention);
        return builder;
    }

    /// <summary>
    /// Consumers of this service record each message they handle in <typeparamref name="TContext"/> (its model must
    /// call <see cref="DeduplicationModel.AddProcessedMessages"/>), in the transaction of their effect.
    /// </summary>
    public static IHostApplicationBuilder AddMessageDeduplication<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddScoped<IMessageDeduplication, MessageDeduplication<TContext>>();
        builder.Services.AddScoped<AfterCommit>();
        builder.Services.AddSingleton<ConsumerGroupCommit<TContext>>();
        builder.Services.AddRetentionPruning<TContext, ProcessedMessage>(
            processed => processed.ProcessedAt, provider => provider.GetRequiredService<IOptions<MessagingOptions>>().Value.Retention);
        return builder;
    }

    private static void ConfigureConsumerEndpoint(IRegistrationContext context, string name, IReceiveEndpointConfigurator endpoint)
    {
        if (!context.GetRequiredService<IServiceProviderIsService>().IsService(typeof(IMessageDeduplication)))
        {
            throw new InvalidOperationException(
                $"Endpoint '{name}' has consumers but the service registered no message deduplication: call AddMessageDeduplication<TContext>() so redeliveries have no second effect.");
        }

        var settings = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = settings.ConsumerConcurrency;
        }

        endpoint.ConcurrentMessageLimit = settings.ConsumerConcurrency;
        // Outermost: each retry runs the deduplicated transaction afresh. Once the retries are used up MassTransit moves the
        // message to the endpoint's _error queue and publishes Fault<T>; the queue moves on meanwhile, so one poison
        // message never holds up the ones behind it.
        endpoint.UseMessageRetry(retry => retry.Exponential(
            settings.ConsumeRetryLimit,
            settings.ConsumeRetryMinInterval,
            settings.ConsumeRetryMaxInterval,
            settings.ConsumeRetryMinInterval));
        endpoint.UseConsumeFilter(typeof(DeduplicationFilter<>), context);
    }
}
