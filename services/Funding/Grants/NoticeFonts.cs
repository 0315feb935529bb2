using PdfSharp.Fonts;

namespace KiPlatform.Funding.Grants;

/// <summary>
/// The fonts of the grant notice, shipped inside the service (DejaVu Sans, under its licence in Fonts/): PDFsharp's
/// core build finds no system fonts on Linux, and the notice must look the same on every server.
/// </summary>
internal sealed class NoticeFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static readonly NoticeFonts Instance = new();

    /// <summary>Makes these fonts PDFsharp's, once per process (PDFsharp holds one resolver for the whole process).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not NoticeFonts)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(NoticeFonts).Assembly.GetManifestResourceStream($"fonts/{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is missing from the service assembly.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
