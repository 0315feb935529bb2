using Microsoft.Extensions.Hosting;

namespace KiPlatform.Infrastructure;

/// <summary>Redis, from the connection string "cache": hot reads, live fan-out and counters, never a system of record.</summary>
public static class ServiceCache
{
    public const string ConnectionName = "cache";

    public static TBuilder AddServiceCache<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRedisClient(ConnectionName);
        return builder;
    }
}
