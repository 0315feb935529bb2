using Google.Protobuf.WellKnownTypes;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>The fields of an application its municipality edits while it is a draft, as update_mask paths.</summary>
internal static class EditableFields
{
    public const string UnknownPathReason = "FIELD_MASK_PATH_UNKNOWN";

    public static readonly IReadOnlyList<string> TopLevel =
    [
        "council_resolution_date", "integration_concept", "organisational_placement", "priorities", "contact", "requested_posts",
    ];

    public static readonly FieldMask All = new() { Paths = { TopLevel } };

    /// <summary>A path is editable when it is one of <see cref="TopLevel"/> or a field inside one of them.</summary>
    public static bool IsEditable(string path) =>
        TopLevel.Any(field => path == field || path.StartsWith(field + ".", StringComparison.Ordinal))
        && FieldMask.IsValid(V1.Application.Descriptor, new FieldMask { Paths = { path } });
}
