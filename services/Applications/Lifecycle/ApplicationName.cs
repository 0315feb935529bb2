using System.Text.RegularExpressions;
using KiPlatform.Rpc.Validation;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>The resource name of an application: <c>applications/{uuid}</c>.</summary>
internal static partial class ApplicationName
{
    public const string Expected = "'applications/{application_id}' with the UUID the service assigned, e.g. 'applications/0193f2a4-5c1e-7d3b-9a8f-1e2d3c4b5a69'";

    public static string Format(Guid id) => $"applications/{id:D}";

    public static Guid ParseId(string name, string field) => Guid.Parse(ResourceNames.ParseId(Pattern(), name, field, Expected));

    [GeneratedRegex(@"^applications/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    public static partial Regex Pattern();
}
