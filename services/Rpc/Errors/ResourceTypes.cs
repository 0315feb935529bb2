namespace KiPlatform.Rpc.Errors;

/// <summary>
/// The type a resource name denotes, as <c>ResourceInfo.resource_type</c> reports it: <c>ki.nrw/{Kind}</c> (AIP-123),
/// the kind being the singular of the name's last collection, e.g. <c>applications/0190…</c> is
/// <c>ki.nrw/Application</c>, <c>municipalities/05111</c> is <c>ki.nrw/Municipality</c>, <c>postPlans/05111</c> is
/// <c>ki.nrw/PostPlan</c>.
/// </summary>
public static class ResourceTypes
{
    /// <summary>The type of <paramref name="resourceName"/>, or empty when the name has no collection/id pair.</summary>
    public static string Of(string resourceName)
    {
        var segments = resourceName.Split('/');
        if (segments.Length < 2 || segments.Length % 2 != 0 || segments[^2].Length == 0)
        {
            return "";
        }

        var collection = segments[^2];
        var singular = collection.EndsWith("ies", StringComparison.Ordinal) ? collection[..^3] + "y"
            : collection.EndsWith('s') ? collection[..^1]
            : collection;
        return $"{RpcErrors.Domain}/{char.ToUpperInvariant(singular[0])}{singular[1..]}";
    }
}
