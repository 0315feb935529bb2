using System.Net.Mail;

namespace KiPlatform.Notifications.Delivery;

/// <summary>
/// How one recipient wants to be told besides its inbox: the address notices are mailed to, and the kinds of notice
/// (named by their event, e.g. <c>GrantIssued</c>) it wants no mail for. No address, no mail.
/// </summary>
public sealed class DeliveryPreference
{
    public const int EmailMaxLength = 254;

    private DeliveryPreference()
    {
    }

    public string RecipientId { get; private init; } = "";

    public string EmailAddress { get; private set; } = "";

    public List<string> MutedKinds { get; private set; } = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    /// <summary>What a recipient that never chose has: no address, every kind on.</summary>
    public static DeliveryPreference DefaultFor(string recipientId) => new() { RecipientId = recipientId };

    /// <summary>Whether a notice of <paramref name="kind"/> is mailed to the address set here, and where.</summary>
    public bool Mails(string kind, out string address)
    {
        address = EmailAddress;
        return address.Length > 0 && !IsMuted(kind);
    }

    /// <summary>The recipient wants no mail of <paramref name="kind"/>, to whatever address.</summary>
    public bool IsMuted(string kind) => MutedKinds.Contains(kind);

    /// <summary>Sets what is given (null leaves it); the address is checked by the contract's validator before.</summary>
    public void Change(string? emailAddress, IReadOnlyCollection<string>? mutedKinds, DateTimeOffset now)
    {
        if (emailAddress is not null)
        {
            EmailAddress = emailAddress.Trim();
        }

        if (mutedKinds is not null)
        {
            MutedKinds = [.. mutedKinds.Distinct().Order(StringComparer.Ordinal)];
        }

        UpdatedAt = now;
    }

    /// <summary>A plain mail address (no display name, no list), at most <see cref="EmailMaxLength"/> characters, or empty.</summary>
    public static bool IsValidAddress(string address) =>
        address.Length == 0
        || (address.Length <= EmailMaxLength && MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && parsed.DisplayName.Length == 0);
}
