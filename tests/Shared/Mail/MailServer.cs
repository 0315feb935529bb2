using System.Net.Http.Json;
using System.Text.Json;

namespace KiPlatform.Testing;

/// <summary>Reads back what the development mail server (smtp4dev) received, through its HTTP API.</summary>
internal sealed class MailServer(Uri web) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = web };

    /// <summary>The messages received for <paramref name="address"/>: subject and plain-text body.</summary>
    public async Task<List<(string Subject, string Body)>> MessagesToAsync(string address, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        foreach (var (id, subject) in await ListedToAsync(address, cancellationToken))
        {
            found.Add((subject, await _http.GetStringAsync($"api/messages/{id}/plaintext", cancellationToken)));
        }

        return found;
    }

    /// <summary>The id and subject of each message listed for <paramref name="address"/>.</summary>
    private async Task<List<(string Id, string Subject)>> ListedToAsync(string address, CancellationToken cancellationToken)
    {
        var listed = await _http.GetFromJsonAsync<JsonElement>("api/messages?pageSize=500", cancellationToken);
        // smtp4dev answers a page ({"results": [...]}) or, in older versions, a plain array.
        var summaries = listed.ValueKind == JsonValueKind.Array ? listed : listed.TryGetProperty("results", out var page) ? page : default;
        var ids = new List<(string, string)>();
        if (summaries.ValueKind != JsonValueKind.Array)
        {
            return ids;
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
            if (recipients.Any(r => r.Contains(address, StringComparison.OrdinalIgnoreCase)))
            {
                ids.Add((summary.GetProperty("id").GetString()!, summary.TryGetProperty("subject", out var subject) ? subject.GetString() ?? "" : ""));
            }
        }

        return ids;
    }

    /// <summary>The messages received for <paramref name="address"/> as sent, attachments and all (MimeKit reads the raw message smtp4dev keeps).</summary>
    public async Task<List<MimeKit.MimeMessage>> SourcesToAsync(string address, CancellationToken cancellationToken)
    {
        var found = new List<MimeKit.MimeMessage>();
        foreach (var (id, _) in await ListedToAsync(address, cancellationToken))
        {
            await using var source = await _http.GetStreamAsync($"api/messages/{id}/raw", cancellationToken);
            found.Add(await MimeKit.MimeMessage.LoadAsync(source, cancellationToken));
        }

        return found;
    }

    public void Dispose() => _http.Dispose();
}
