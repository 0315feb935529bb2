using KiPlatform.Domain;
using KiPlatform.Funding.FundingPeriods;
using KiPlatform.Funding.Grants;
using UglyToad.PdfPig;

namespace KiPlatform.Services.Tests.Funding;

public sealed class GrantNoticeDocumentTests
{
    private static readonly DateTimeOffset Now = new(2012, 9, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_notice_of_Kreis_Soest_from_1_October_2012_is_a_German_letter_with_number_posts_amounts_conditions_and_remedy()
    {
        var period = FundingPeriod.Add("2012", new FundingPeriodValues(983_000_000, 5_000_000, 5_000_000, 2_000_000,
            new PostCaps(2000, 2000, 1000, 500), new DateOnly(2012, 1, 1), new DateOnly(2013, 9, 30)), "seed", "funding", Now);
        var amounts = GrantCalculation.Compute(new MaisFte(2000, 1000, 500), period.Rates, StateCalendar.DayOf(Now), period.StartDate, period.EndDate);
        var grant = Grant.FromApproval(Guid.NewGuid(), new GrantRecipient("05974", "Kreis Soest", "Arnsberg"), period.Id, period.EndDate, Now, 2000,
            new MaisFte(2000, 1000, 500), period.Rates, amounts, Now);
        grant.Issue("KI-2012-05974-01", new DateOnly(2012, 9, 28), Now);

        var bytes = new GrantNoticeDocument().Render(grant, period);

        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Zuwendungsbescheid", text);
        Assert.Contains("Kreis Soest", text);
        Assert.Contains("KI-2012-05974-01", text);
        Assert.Contains("1. Oktober 2012", text); // the grant's start, the month after the approval
        Assert.Contains("30. September 2013", text); // the period's end
        Assert.Contains("170.000,00 EUR", text); // 12 months of a full KI
        Assert.Contains("100.000,00 EUR", text);
        Assert.Contains("Festbetragsfinanzierung", text);
        Assert.Contains("30. März 2014", text); // proof of use due six months after the period ends
        Assert.Contains("Rechtsbehelfsbelehrung", text);
        Assert.Contains("Lehrerstellen", text);
    }
}
