using System.Net.Http.Json;
using System.Text.Json;

namespace KiPlatform.Integration.Tests.Notifications;

/// <summary>Reads back what the development mail server (smtp4dev) received, through its HTTP API.</summary>
internal sealed class MailServer(Uri web) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = web };

    /// <summary>The messages received for <paramref name="address"/>: subject and plain-text body.</summary>
    public async Task<List<(string Subject, string Body)>> MessagesToAsync(string address, CancellationToken cancellationToken)
    {
        var listed = await _http.GetFromJsonAsync<JsonElement>("api/messages?pageSize=500", cancellationToken);
        // smtp4dev answers a page ({"results": [...]}) or, in older versions, a plain array.
        var summaries = listed.ValueKind == JsonValueKind.Array ? listed : listed.TryGetProperty("results", out var page) ? page : default;
        var found = new List<(string, string)>();
        if (summaries.ValueKind != JsonValueKind.Array)
        {
            return found;
        }

        foreach (var summary in summaries.EnumerateArray())
        {
            var to = summary.TryGetProperty("to", out var listedTo) ? listedTo : default;
            var recipients = to.ValueKind switch
            {
                JsonValueKind.Array => to.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : t.ToString()),
                JsonValueKind.String => [to.GetString()!],
                _ => [],
            };
            if (!recipients.Any(r => r.Contains(address, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var id = summary.GetProperty("id").GetString();
            var body = await _http.GetStringAsync($"api/messages/{id}/plaintext", cancellationToken);
            found.Add((summary.TryGetProperty("subject", out var subject) ? subject.GetString() ?? "" : "", body));
        }

        return found;
    }

    public void Dispose() => _http.Dispose();
}
