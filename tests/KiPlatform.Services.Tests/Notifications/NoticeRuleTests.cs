using KiPlatform.IntegrationEvents.Applications;
using KiPlatform.IntegrationEvents.Funding;
using KiPlatform.IntegrationEvents.Staffing;
using KiPlatform.Notifications.Inbox;
using KiPlatform.Notifications.Notices;

namespace KiPlatform.Services.Tests.Notifications;

/// <summary>Every rule: the event, who learns of it, and what they read (the municipality's name as Applications gives it).</summary>
public sealed class NoticeRuleTests
{
    private static readonly NoticeTemplates Templates = new();
    private static readonly Guid ApplicationId = Guid.Parse("0193b4c8-7e1f-7a00-8c1e-3b9d2f4a6e10");
    private static readonly DateTimeOffset SeptemberTwentieth2012 = new(2012, 9, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly PostFte FullKi = new(2.0m, 2.0m, 1.0m, 0.5m);

    private static Dictionary<string, NoticeText> Texts(object @event, string municipality = "Kreis Gütersloh") =>
        NoticeRules.For(@event).ToDictionary(n => n.RecipientId, n =>
        {
            var values = new Dictionary<string, object>(n.Values);
            if (n.Ags is not null)
            {
                values["municipality"] = municipality;
            }

            return Templates.Render(n.Template, values);
        });

    [Fact]
    public void Every_template_is_named_by_a_rule_and_every_rule_has_its_template()
    {
        var named = new object[]
        {
            new ApplicationSubmitted(ApplicationId, "05754", "2013", FullKi, SeptemberTwentieth2012),
            new DocumentsRequested(ApplicationId, "05754", "2013", "x", SeptemberTwentieth2012),
            new ApplicationApproved(ApplicationId, "05754", "2013", FullKi, SeptemberTwentieth2012),
            new ApplicationRejected(ApplicationId, "05754", "2013", "x", SeptemberTwentieth2012),
            new ApplicationWithdrawn(ApplicationId, "05754", "2013", "", SeptemberTwentieth2012),
            new PostPlanCreated("05754", "2013", ApplicationId, [], SeptemberTwentieth2012),
            new GrantIssued(ApplicationId, "KI-2013-05754-01", "05754", "2013", ApplicationId, new DateOnly(2012, 9, 28), new DateOnly(2012, 10, 1), 3, 0, 0, 0, 0, 0, SeptemberTwentieth2012),
            new GrantQueuedForBudget(ApplicationId, "05754", "2013", ApplicationId, 1, 0, SeptemberTwentieth2012),
            new GrantFinal(ApplicationId, "KI-2013-05754-01", "05754", "2013", new DateOnly(2012, 10, 28), false, SeptemberTwentieth2012),
            new MunicipalitiesSeeded(54, 54, SeptemberTwentieth2012),
            new DisbursementRequested(ApplicationId, ApplicationId, "KI-2013-05754-01", "05754", "2013", 1, 1, SeptemberTwentieth2012),
            new DisbursementRefused(ApplicationId, ApplicationId, "KI-2013-05754-01", "05754", "2013", 1, "x", SeptemberTwentieth2012),
            new DisbursementPaid(ApplicationId, ApplicationId, "KI-2013-05754-01", "05754", "2013", 1, new DateOnly(2013, 5, 1), null, 1, SeptemberTwentieth2012),
            new ProofOfUseDue(ApplicationId, "KI-2013-05754-01", "05754", "2013", new DateOnly(2014, 6, 30), 1, SeptemberTwentieth2012),
            new ProofOfUseOverdue(ApplicationId, "KI-2013-05754-01", "05754", "2013", new DateOnly(2014, 6, 30), SeptemberTwentieth2012),
            new ProofOfUseSubmitted(ApplicationId, "KI-2013-05754-01", "05754", "2013", SeptemberTwentieth2012),
            new GrantPartiallyRevoked(ApplicationId, "KI-2013-05754-01", "05754", "2013", 1, 1, "x", new DateOnly(2014, 9, 1), SeptemberTwentieth2012),
            new GrantClosed(ApplicationId, "KI-2013-05754-01", "05754", "2013", 0, 0, SeptemberTwentieth2012),
        }.SelectMany(NoticeRules.For).Select(n => n.Template).ToHashSet();

        Assert.Equal(Templates.Names.Order(), named.Order());
    }

    [Fact]
    public void A_submission_of_Kreis_Guetersloh_on_20_September_2012_tells_MAIS_MSW_and_LaKI_with_the_posts_requested()
    {
        var texts = Texts(new ApplicationSubmitted(ApplicationId, "05754", "2013", FullKi, SeptemberTwentieth2012));

        Assert.Equal(["laki", "mais", "msw"], texts.Keys.Order());
        Assert.Equal("Neuer Antrag: Kreis Gütersloh", texts["mais"].Subject);
        Assert.Contains("am 20. September 2012", texts["mais"].Body);
        Assert.Contains("2,0 Lehrerstellen, 2,0 Fachkräfte, 1,0 Verwaltungsfachkraft, 0,5 organisatorisch-technische Unterstützung", texts["msw"].Body);
    }

    [Fact]
    public void Documents_requested_tell_the_municipality_alone_which_ones()
    {
        var texts = Texts(new DocumentsRequested(ApplicationId, "05754", "2013", "Der Ratsbeschluss fehlt.", SeptemberTwentieth2012));

        Assert.Equal(["municipality-05754"], texts.Keys);
        Assert.Equal("Ihr Antrag: Unterlagen nachgefordert", texts["municipality-05754"].Subject);
        Assert.Contains("Der Ratsbeschluss fehlt.", texts["municipality-05754"].Body);
    }

    [Fact]
    public void An_approval_tells_the_municipality_and_LaKI_with_the_approved_posts_and_the_day()
    {
        var texts = Texts(new ApplicationApproved(ApplicationId, "05754", "2013", new PostFte(2.0m, 1.5m, 1.0m, 0.5m), SeptemberTwentieth2012));

        Assert.Equal(["laki", "municipality-05754"], texts.Keys.Order());
        Assert.Equal("Ihr Antrag ist bewilligt", texts["municipality-05754"].Subject);
        Assert.Contains("1,5 Fachkräfte", texts["municipality-05754"].Body);
        Assert.Equal("Antrag bewilligt: Kreis Gütersloh", texts["laki"].Subject);
        Assert.Contains("am 20. September 2012 bewilligt", texts["laki"].Body);
    }

    [Fact]
    public void A_rejection_tells_the_municipality_and_LaKI_the_reason()
    {
        var texts = Texts(new ApplicationRejected(ApplicationId, "05754", "2013", "Kein Integrationskonzept.", SeptemberTwentieth2012));

        Assert.Equal(["laki", "municipality-05754"], texts.Keys.Order());
        Assert.Contains("Kein Integrationskonzept.", texts["municipality-05754"].Body);
        Assert.Equal("Antrag abgelehnt: Kreis Gütersloh", texts["laki"].Subject);
    }

    [Fact]
    public void A_withdrawal_tells_the_municipality_MAIS_MSW_and_LaKI_and_a_missing_reason_leaves_no_gap()
    {
        var texts = Texts(new ApplicationWithdrawn(ApplicationId, "05754", "2013", "", SeptemberTwentieth2012));

        Assert.Equal(["laki", "mais", "msw", "municipality-05754"], texts.Keys.Order());
        Assert.Equal("Ihr Antrag ist zurückgezogen", texts["municipality-05754"].Subject);
        Assert.DoesNotContain("Begründung", texts["mais"].Body);
        Assert.EndsWith("am 20. September 2012 zurückgezogen.", texts["mais"].Body);
    }

    [Fact]
    public void A_post_plan_of_six_posts_tells_the_municipality_and_MSW_with_its_2_0_teacher_FTE()
    {
        PlannedPost Post(string category, int milli) => new(Guid.NewGuid(), category, category == "Teacher" ? "Msw" : "Mais", milli, new DateOnly(2013, 1, 1), null);
        var texts = Texts(new PostPlanCreated("05754", "2013", ApplicationId,
            [Post("Teacher", 1000), Post("Teacher", 1000), Post("Specialist", 1000), Post("Specialist", 1000), Post("Administration", 1000), Post("Support", 500)], SeptemberTwentieth2012));

        Assert.Equal(["msw", "municipality-05754"], texts.Keys.Order());
        Assert.Contains("mit 6 Stellen angelegt", texts["municipality-05754"].Body);
        Assert.Contains("darunter 2,0 VZÄ Lehrerstellen", texts["msw"].Body);
    }

    [Fact]
    public void A_grant_notice_of_42_500_euros_from_1_October_2012_tells_the_municipality_in_German_figures_and_its_mail_carries_the_notice()
    {
        var texts = Texts(new GrantIssued(Guid.NewGuid(), "KI-2013-05754-01", "05754", "2013", ApplicationId, new DateOnly(2012, 9, 28),
            new DateOnly(2012, 10, 1), 3, 2_500_000, 1_250_000, 500_000, 4_250_000, 2000, SeptemberTwentieth2012));

        var text = Assert.Single(texts).Value;
        Assert.Equal("Zuwendungsbescheid KI-2013-05754-01", text.Subject);
        Assert.Contains("am 28. September 2012 den Zuwendungsbescheid KI-2013-05754-01 erteilt: 42.500,00 EUR für die Zeit vom 1. Oktober 2012 an (3 Monate)", text.Body);
        Assert.All(NoticeRules.For(new GrantIssued(Guid.NewGuid(), "KI-2013-05754-01", "05754", "2013", ApplicationId, new DateOnly(2012, 9, 28),
            new DateOnly(2012, 10, 1), 3, 2_500_000, 1_250_000, 500_000, 4_250_000, 2000, SeptemberTwentieth2012)), n => Assert.True(n.MailsNotice));
        Assert.DoesNotContain(NoticeRules.For(new GrantQueuedForBudget(Guid.NewGuid(), "05754", "2013", ApplicationId, 17_000_000, 0, SeptemberTwentieth2012)), n => n.MailsNotice);
    }

    [Fact]
    public void A_grant_waiting_for_budget_tells_the_municipality_and_MAIS_what_is_left()
    {
        var texts = Texts(new GrantQueuedForBudget(Guid.NewGuid(), "05754", "2013", ApplicationId, 17_000_000, 12_345_678, SeptemberTwentieth2012));

        Assert.Equal(["mais", "municipality-05754"], texts.Keys.Order());
        Assert.Contains("über 170.000,00 EUR", texts["municipality-05754"].Body);
        Assert.Contains("verbleibend sind 123.456,78 EUR", texts["mais"].Body);
    }

    [Fact]
    public void A_notice_final_by_waiver_on_28_October_2012_says_so()
    {
        var texts = Texts(new GrantFinal(Guid.NewGuid(), "KI-2013-05754-01", "05754", "2013", new DateOnly(2012, 10, 28), Waived: true, SeptemberTwentieth2012));

        var text = Assert.Single(texts).Value;
        Assert.Equal("Zuwendungsbescheid KI-2013-05754-01 ist bestandskräftig", text.Subject);
        Assert.Contains("seit dem 28. Oktober 2012 bestandskräftig, da Sie auf Rechtsbehelfe verzichtet haben.", text.Body);
    }

    [Fact]
    public void The_1_May_tranche_of_85_000_euros_tells_the_municipality_what_is_paid_and_when()
    {
        var texts = Texts(new DisbursementPaid(Guid.NewGuid(), Guid.NewGuid(), "KI-2013-05754-01", "05754", "2013", 8_500_000, new DateOnly(2013, 5, 2),
            new DateOnly(2013, 5, 1), 8_500_000, SeptemberTwentieth2012));

        var text = Assert.Single(texts).Value;
        Assert.Equal("Auszahlung zu KI-2013-05754-01: 85.000,00 EUR", text.Subject);
        Assert.Contains("am 2. Mai 2013 85.000,00 EUR ausgezahlt (Teilbetrag zum 1. Mai 2013)", text.Body);
    }

    [Fact]
    public void A_call_off_paid_names_no_tranche()
    {
        var text = Assert.Single(Texts(new DisbursementPaid(Guid.NewGuid(), Guid.NewGuid(), "KI-2013-05754-01", "05754", "2013", 2_833_333, new DateOnly(2013, 3, 1),
            null, 2_833_333, SeptemberTwentieth2012))).Value;

        Assert.Contains("werden am 1. März 2013 28.333,33 EUR ausgezahlt. Ausgezahlt sind damit insgesamt 28.333,33 EUR.", text.Body);
    }

    [Fact]
    public void A_partial_revocation_tells_the_municipality_what_to_repay_with_interest_and_LaKI_the_figures()
    {
        var texts = Texts(new GrantPartiallyRevoked(Guid.NewGuid(), "KI-2013-05754-01", "05754", "2013", 10_000_000, 1_500_000, "Stellen unbesetzt",
            new DateOnly(2014, 9, 1), SeptemberTwentieth2012));

        Assert.Equal(["laki", Recipients.MunicipalityPrefix + "05754"], texts.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("in Höhe von 100.000,00 EUR widerrufen. Begründung: Stellen unbesetzt", texts[Recipients.MunicipalityPrefix + "05754"].Body);
        Assert.Contains("Zu erstatten sind 15.000,00 EUR, verzinst mit fünf Prozentpunkten über dem Basiszinssatz", texts[Recipients.MunicipalityPrefix + "05754"].Body);
    }

    [Fact]
    public void The_register_of_54_municipalities_tells_LaKI()
    {
        var text = Assert.Single(Texts(new MunicipalitiesSeeded(54, 54, SeptemberTwentieth2012))).Value;

        Assert.Equal("Kommunen-Verzeichnis geladen", text.Subject);
        Assert.Contains("umfasst jetzt 54", text.Body);
    }

    [Fact]
    public void An_event_no_rule_names_tells_no_one()
    {
        Assert.Empty(NoticeRules.For(new PostVacated("05754", Guid.NewGuid(), "Specialist", "Mais", 1000, "s-1", 1000, new DateOnly(2013, 5, 1), new DateOnly(2013, 4, 30), "Kündigung", SeptemberTwentieth2012)));
    }
}
