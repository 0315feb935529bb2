using System.Text.RegularExpressions;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Notifications.Inbox;

/// <summary>The resource name of a recipient: <c>recipients/{recipient_id}</c>.</summary>
internal static partial class RecipientName
{
    public const string Expected = "'recipients/laki', 'recipients/mais', 'recipients/msw' or 'recipients/municipality-{ags}'";

    public static string ParseRecipientId(string name, string field) => ResourceNames.ParseId(Pattern(), name, field, Expected);

    [GeneratedRegex("^recipients/(?<id>laki|mais|msw|municipality-" + MunicipalityName.AgsPattern + ")$")]
    public static partial Regex Pattern();
}
