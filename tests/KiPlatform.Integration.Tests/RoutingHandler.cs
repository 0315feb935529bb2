using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace KiPlatform.Integration.Tests;

/// <summary>
/// Sends each call of a service under test to the test server of its host (the service discovery name), answering as
/// HTTP/2 as a real h2c endpoint does.
/// </summary>
internal sealed class RoutingHandler(Dictionary<string, HttpMessageHandler> routes) : HttpMessageHandler
{
    /// <summary>Makes every HTTP client of the service under test send through this handler.</summary>
    public static void RouteTo(IServiceCollection services, Dictionary<string, HttpMessageHandler> routes) =>
        services.ConfigureAll<HttpClientFactoryOptions>(options =>
            options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = new RoutingHandler(routes)));

    // Looked up on each call: a route may be added once its server exists (two services that call each other), or
    // removed when its server stops.
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpMessageHandler? handler;
        lock (routes)
        {
            handler = routes.GetValueOrDefault(request.RequestUri!.Host);
        }

        if (handler is null)
        {
            throw new HttpRequestException($"No test server answers for {request.RequestUri.Host}.");
        }

        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        var response = await invoker.SendAsync(request, cancellationToken);
        response.Version = request.Version;
        return response;
    }
}
