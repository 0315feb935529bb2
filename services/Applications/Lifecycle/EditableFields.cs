using KiPlatform.Rpc.Validation;

namespace KiPlatform.Applications.Lifecycle;

/// <summary>The fields of an application its municipality edits while it is a draft, as update_mask paths.</summary>
internal static class EditableFields
{
    public static readonly EditablePaths Paths = new(V1.Application.Descriptor,
        "council_resolution_date", "integration_concept", "organisational_placement", "priorities", "contact", "requested_posts");
}
