using KiPlatform.Notifications.Delivery;

namespace KiPlatform.Services.Tests.Notifications;

public sealed class DeliveryPreferenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ki@kreis-soest.de", true)]
    [InlineData("", true)]
    [InlineData("Jürgen.Müller@stadt-mülheim.de", true)]
    [InlineData("KI Soest <ki@kreis-soest.de>", false)]
    [InlineData("ki@kreis-soest.de, laki@nrw.de", false)]
    [InlineData("kein-at-zeichen", false)]
    public void An_address_is_one_plain_mailbox_or_nothing(string address, bool valid) => Assert.Equal(valid, DeliveryPreference.IsValidAddress(address));

    [Fact]
    public void A_recipient_that_never_chose_gets_no_mail_and_one_with_an_address_gets_every_kind_it_did_not_mute()
    {
        var preference = DeliveryPreference.DefaultFor("municipality-05974");
        Assert.False(preference.Mails("GrantIssued", out _));

        preference.Change(" ki@kreis-soest.de ", ["GrantFinal", "GrantFinal", "DocumentsRequested"], Now);

        Assert.True(preference.Mails("GrantIssued", out var address));
        Assert.Equal("ki@kreis-soest.de", address);
        Assert.False(preference.Mails("GrantFinal", out _));
        Assert.Equal(["DocumentsRequested", "GrantFinal"], preference.MutedKinds);
    }

    [Fact]
    public void Changing_only_the_muted_kinds_keeps_the_address()
    {
        var preference = DeliveryPreference.DefaultFor("laki");
        preference.Change("laki@example.nrw.de", [], Now);

        preference.Change(emailAddress: null, ["ApplicationSubmitted"], Now.AddDays(1));

        Assert.Equal(("laki@example.nrw.de", Now.AddDays(1)), (preference.EmailAddress, preference.UpdatedAt));
        Assert.False(preference.Mails("ApplicationSubmitted", out _));
    }
}
