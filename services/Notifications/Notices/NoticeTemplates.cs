using System.Collections.Frozen;
using System.Globalization;
using Fluid;
using Fluid.Values;
using KiPlatform.Domain;

namespace KiPlatform.Notifications.Notices;

/// <summary>A notice worded for its recipient: the subject line and the body, in German.</summary>
public sealed record NoticeText(string Subject, string Body);

/// <summary>
/// The German wording of every notice, from the Liquid templates in <c>Notices/Templates/</c> (Fluid), parsed once. A
/// template's first line is the subject; the body follows on the next. Two filters format as letters do:
/// <c>euro</c> turns cents into <c>170.000,00 EUR</c>, <c>datum</c> an ISO date into <c>1. Oktober 2012</c>.
/// </summary>
public sealed class NoticeTemplates
{
    private readonly FrozenDictionary<string, IFluidTemplate> _templates;
    private readonly TemplateOptions _options = new();

    public NoticeTemplates()
    {
        var parser = new FluidParser();
        var assembly = typeof(NoticeTemplates).Assembly;
        _templates = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("templates/", StringComparison.Ordinal))
            .ToFrozenDictionary(n => n["templates/".Length..^".liquid".Length], n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                var source = reader.ReadToEnd();
                return parser.TryParse(source, out var template, out var error)
                    ? template
                    : throw new InvalidDataException($"The notice template {n} does not parse: {error}");
            });
        _options.Filters.AddFilter("euro", (input, _, _) => new StringValue(GermanFormat.Euro((long)input.ToNumberValue())));
        _options.Filters.AddFilter("datum", (input, _, _) =>
            new StringValue(GermanFormat.Date(DateOnly.ParseExact(input.ToStringValue(), "yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    public NoticeText Render(string name, IReadOnlyDictionary<string, object> values)
    {
        var template = _templates.GetValueOrDefault(name) ?? throw new InvalidOperationException($"No notice template is named {name}.");
        var context = new TemplateContext(_options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }

        var text = template.Render(context).ReplaceLineEndings("\n");
        var lineBreak = text.IndexOf('\n', StringComparison.Ordinal);
        return lineBreak < 0 ? new NoticeText(text.Trim(), "") : new NoticeText(text[..lineBreak].Trim(), text[(lineBreak + 1)..].Trim());
    }
}
