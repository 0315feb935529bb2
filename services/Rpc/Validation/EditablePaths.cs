using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace KiPlatform.Rpc.Validation;

/// <summary>
/// The fields of a resource an update RPC lets its caller change, as <c>update_mask</c> paths (AIP-134): each of
/// <see cref="TopLevel"/>, or a field inside one of them.
/// </summary>
public sealed class EditablePaths(MessageDescriptor resource, params string[] topLevel)
{
    public const string UnknownPathReason = "FIELD_MASK_PATH_UNKNOWN";

    public IReadOnlyList<string> TopLevel { get; } = topLevel;

    /// <summary>Every editable field: what an empty mask means.</summary>
    public FieldMask All => new() { Paths = { TopLevel } };

    public bool IsEditable(string path) =>
        TopLevel.Any(field => path == field || path.StartsWith(field + ".", StringComparison.Ordinal))
        && FieldMask.IsValid(resource, new FieldMask { Paths = { path } });

    /// <summary>Whether <paramref name="mask"/> (empty: every editable field) names <paramref name="path"/> or a field inside it.</summary>
    public static bool Names(FieldMask? mask, string path) =>
        mask is not { Paths.Count: > 0 } || mask.Paths.Any(p => p == path || p.StartsWith(path + ".", StringComparison.Ordinal));
}
