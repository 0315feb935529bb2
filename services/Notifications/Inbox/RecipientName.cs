using System.Text.RegularExpressions;

namespace KiPlatform.Notifications.Inbox;

/// <summary>The resource name of a recipient: <c>recipients/{recipient_id}</c>.</summary>
internal static partial class RecipientName
{
    public static string ParseRecipientId(string name, string field) => ResourceNames.ParseId(Pattern(), name, field,
        "'recipients/laki', 'recipients/mais', 'recipients/msw' or 'recipients/municipality-{ags}'");

    [GeneratedRegex(@"^recipients/(?<id>laki|mais|msw|municipality-\d{5}(\d{3})?)$")]
    private static partial Regex Pattern();
}
