using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Health responses say only Healthy, Degraded or Unhealthy: the probe endpoints are unauthenticated, so the
/// reasons (connection errors, host names) stay in the logs and traces, not in the response.
/// </summary>
internal static class HealthResponses
{
    public static Task WriteStatusOnly(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
    }
}
