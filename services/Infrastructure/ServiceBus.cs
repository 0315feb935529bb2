using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiPlatform.Infrastructure;

/// <summary>The RabbitMQ event bus through MassTransit, from the connection string "messaging".</summary>
public static class ServiceBus
{
    public const string ConnectionName = "messaging";

    public static TBuilder AddServiceBus<TBuilder>(this TBuilder builder, Action<IBusRegistrationConfigurator>? configureConsumers = null)
        where TBuilder : IHostApplicationBuilder
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured: the service cannot reach RabbitMQ.");
        var broker = RabbitMqAddress.Parse(connectionString);
        // Queues are named after the consuming service, so two services consuming one event each get their copy.
        var queuePrefix = builder.Environment.ApplicationName.Replace("KiPlatform.", "", StringComparison.Ordinal);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(queuePrefix, includeNamespace: false));
            configureConsumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.UserName);
                    host.Password(broker.Password);
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
}
