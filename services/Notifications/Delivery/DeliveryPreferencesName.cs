using System.Text.RegularExpressions;
using KiPlatform.Rpc.Names;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Notifications.Delivery;

/// <summary>The resource name of a recipient's preferences: <c>recipients/{recipient_id}/deliveryPreferences</c>.</summary>
internal static partial class DeliveryPreferencesName
{
    public const string Expected = "'recipients/{recipient_id}/deliveryPreferences', e.g. 'recipients/municipality-05974/deliveryPreferences'";

    public static string Format(string recipientId) => $"recipients/{recipientId}/deliveryPreferences";

    public static string ParseRecipientId(string name, string field) => ResourceNames.ParseId(Pattern(), name, field, Expected);

    [GeneratedRegex("^recipients/(?<id>laki|mais|msw|admin|municipality-" + MunicipalityName.AgsPattern + ")/deliveryPreferences$")]
    public static partial Regex Pattern();
}
