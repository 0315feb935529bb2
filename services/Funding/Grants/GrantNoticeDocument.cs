using KiPlatform.Domain;
using KiPlatform.Funding.FundingPeriods;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace KiPlatform.Funding.Grants;

/// <summary>
/// The grant notice (Zuwendungsbescheid) as the letter MAIS sends the Kreis or Stadt: an A4 PDF in German with the
/// notice's number, the posts and amounts per category, the period, the financing type, the conditions and the
/// instruction on legal remedy (Rechtsbehelfsbelehrung).
/// </summary>
public sealed class GrantNoticeDocument
{
    /// <summary>The proof of use (Verwendungsnachweis) is due this many months after the period ends.</summary>
    public const int ProofOfUseDueMonths = 6;

    private const double Margin = 60;
    private const double LineGap = 3;
    private static readonly XFont Body;
    private static readonly XFont Bold;
    private static readonly XFont Title;
    private static readonly XFont Small;

    static GrantNoticeDocument()
    {
        // The fonts resolve through the shipped ones, which must be in place before the first XFont.
        NoticeFonts.Install();
        Body = new XFont(NoticeFonts.Family, 10.5);
        Bold = new XFont(NoticeFonts.Family, 10.5, XFontStyleEx.Bold);
        Title = new XFont(NoticeFonts.Family, 15, XFontStyleEx.Bold);
        Small = new XFont(NoticeFonts.Family, 8.5);
    }

    public byte[] Render(Grant grant, FundingPeriod period)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"Zuwendungsbescheid {grant.Number}";
        document.Info.Author = "Ministerium für Arbeit, Integration und Soziales des Landes Nordrhein-Westfalen";
        document.Info.Subject = $"Förderung des Kommunalen Integrationszentrums {grant.MunicipalityName}";
        var letter = new Letter(document);
        var amounts = grant.Amounts;
        var periodEnd = period.EndDate;

        letter.Line("Ministerium für Arbeit, Integration und Soziales des Landes Nordrhein-Westfalen", Small);
        letter.Gap(18);
        letter.Line(grant.MunicipalityName, Bold);
        letter.Line($"Amtlicher Gemeindeschlüssel {grant.Ags}");
        letter.Line($"Regierungsbezirk {grant.GovernmentDistrict}");
        letter.Gap(18);
        letter.Line($"Düsseldorf, {GermanFormat.Date(grant.NoticeDate!.Value)}");
        letter.Line($"Bescheid-Nr. {grant.Number}");
        letter.Gap(14);
        letter.Line("Zuwendungsbescheid", Title);
        letter.Line($"Förderung eines Kommunalen Integrationszentrums, Förderzeitraum {period.Id}", Bold);
        letter.Gap(10);
        letter.Paragraph($"Auf Ihren Antrag bewillige ich Ihnen für die Zeit vom {GermanFormat.Date(amounts.Start)} bis zum " +
                         $"{GermanFormat.Date(periodEnd)} ({amounts.Months} Monate) eine Zuwendung in Höhe von {GermanFormat.Euro(amounts.TotalCents)} " +
                         "für die Personalausgaben des Kommunalen Integrationszentrums.");
        letter.Gap(6);
        letter.Row("Stellenkategorie", "Stellen (VZÄ)", "Betrag", Bold);
        letter.Row("Sozialpädagogische Fachkräfte / Sozialwissenschaftler", GermanFormat.Fte(grant.Fte.SpecialistMilli), GermanFormat.Euro(amounts.SpecialistCents));
        letter.Row("Verwaltungsfachkraft", GermanFormat.Fte(grant.Fte.AdministrativeMilli), GermanFormat.Euro(amounts.AdministrativeCents));
        letter.Row("Organisatorisch-technische Unterstützung", GermanFormat.Fte(grant.Fte.SupportMilli), GermanFormat.Euro(amounts.SupportCents));
        letter.Row("Zuwendung insgesamt", "", GermanFormat.Euro(amounts.TotalCents), Bold);
        letter.Gap(6);
        letter.Paragraph($"Finanzierungsart: {Grant.FinancingType}. Festbeträge je Vollzeitstelle und Jahr: " +
                         $"{GermanFormat.Euro(period.SpecialistRatePerFteYearCents)} (Fachkräfte), {GermanFormat.Euro(period.AdministrativeRatePerFteYearCents)} " +
                         $"(Verwaltungsfachkraft), {GermanFormat.Euro(period.SupportRatePerHalfFteYearCents * 2)} (Unterstützung), anteilig für volle Monate.");
        if (grant.TeacherFteMilli > 0)
        {
            letter.Paragraph($"Das Ministerium für Schule und Weiterbildung weist dem Kommunalen Integrationszentrum {GermanFormat.Fte(grant.TeacherFteMilli)} " +
                             "Lehrerstellen (VZÄ) im Wege der Abordnung zu. Sie sind nicht Gegenstand dieser Zuwendung.");
        }

        letter.Gap(8);
        letter.Line("Nebenbestimmungen", Bold);
        letter.Paragraph("1. Die Mittel dürfen nur abgerufen werden, sobald dieser Bescheid bestandskräftig ist, und nur soweit sie " +
                         "innerhalb von zwei Monaten nach der Auszahlung für fällige Zahlungen benötigt werden.");
        letter.Paragraph("2. Nicht besetzte Stellen werden nicht gefördert; Zeiten einer Nichtbesetzung sind unverzüglich anzuzeigen.");
        letter.Paragraph($"3. Der Verwendungsnachweis (Sachbericht und zahlenmäßiger Nachweis) ist bis zum " +
                         $"{GermanFormat.Date(periodEnd.AddMonths(ProofOfUseDueMonths))} vorzulegen.");
        letter.Gap(8);
        letter.Line("Rechtsbehelfsbelehrung", Bold);
        letter.Paragraph("Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage beim zuständigen Verwaltungsgericht " +
                         "erhoben werden. Verzichten Sie auf Rechtsbehelfe, wird der Bescheid mit Eingang der Verzichtserklärung bestandskräftig.");
        letter.Gap(14);
        letter.Line("Im Auftrag");
        letter.Line("Ministerium für Arbeit, Integration und Soziales des Landes Nordrhein-Westfalen");

        letter.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Writes lines top to bottom, wrapping paragraphs at the margin and starting a new page when one is full.</summary>
    private sealed class Letter
    {
        private readonly PdfDocument _document;
        private XGraphics _page = null!;
        private double _y;
        private double _width;
        private double _bottom;

        public Letter(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public void Gap(double points) => _y += points;

        /// <summary>Closes the last page's drawing, which writes its content.</summary>
        public void Finish() => _page.Dispose();

        public void Line(string text, XFont? font = null)
        {
            font ??= Body;
            var height = font.GetHeight() + LineGap;
            if (_y + height > _bottom)
            {
                NewPage();
            }

            _page.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, _width, height), XStringFormats.TopLeft);
            _y += height;
        }

        public void Paragraph(string text, XFont? font = null)
        {
            font ??= Body;
            var line = "";
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && _page.MeasureString(candidate, font).Width > _width)
                {
                    Line(line, font);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            if (line.Length > 0)
            {
                Line(line, font);
            }

            _y += LineGap;
        }

        /// <summary>A table row: the category, then the posts and the amount aligned right.</summary>
        public void Row(string category, string posts, string amount, XFont? font = null)
        {
            font ??= Body;
            var height = font.GetHeight() + LineGap;
            if (_y + height > _bottom)
            {
                NewPage();
            }

            _page.DrawString(category, font, XBrushes.Black, new XRect(Margin, _y, _width * 0.6, height), XStringFormats.TopLeft);
            _page.DrawString(posts, font, XBrushes.Black, new XRect(Margin + _width * 0.6, _y, _width * 0.15, height), XStringFormats.TopRight);
            _page.DrawString(amount, font, XBrushes.Black, new XRect(Margin + _width * 0.75, _y, _width * 0.25, height), XStringFormats.TopRight);
            _y += height;
        }

        private void NewPage()
        {
            _page?.Dispose();
            var page = _document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _page = XGraphics.FromPdfPage(page);
            _y = Margin;
            _width = page.Width.Point - 2 * Margin;
            _bottom = page.Height.Point - Margin;
        }
    }
}
