using System.Text.RegularExpressions;
using KiPlatform.Rpc.Errors;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Notifications.Inbox;

/// <summary>The resource name of a recipient: <c>recipients/{recipient_id}</c>.</summary>
internal static partial class RecipientName
{
    public const string Expected = "'recipients/laki', 'recipients/mais', 'recipients/msw', 'recipients/admin' or 'recipients/municipality-{ags}'";
    public const string ItemExpected = "'recipients/{recipient_id}/items/{item_id}' with a UUID item id";

    public static string ParseRecipientId(string name, string field) => ResourceNames.ParseId(Pattern(), name, field, Expected);

    /// <summary>The recipient and the item of <c>recipients/{recipient_id}/items/{item_id}</c>.</summary>
    public static (string RecipientId, Guid ItemId) ParseItem(string name, string field)
    {
        var match = ItemPattern().Match(name);
        return match.Success
            ? (match.Groups["id"].Value, Guid.Parse(match.Groups["item"].Value))
            : throw RpcErrors.InvalidArgument(field, $"Must be {ItemExpected}.", RequestRules.MalformedName);
    }

    [GeneratedRegex("^recipients/(?<id>laki|mais|msw|admin|municipality-" + MunicipalityName.AgsPattern + ")$")]
    public static partial Regex Pattern();

    [GeneratedRegex("^recipients/(?<id>laki|mais|msw|admin|municipality-" + MunicipalityName.AgsPattern + ")/items/(?<item>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    public static partial Regex ItemPattern();
}
