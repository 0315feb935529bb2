using System.Text.RegularExpressions;
using KiPlatform.Rpc.Errors;

namespace KiPlatform.Rpc.Validation;

/// <summary>Reads the id out of a resource name such as <c>municipalities/05111</c>, or refuses the name.</summary>
public static class ResourceNames
{
    /// <param name="pattern">Matches the whole name; its group "id" is the id.</param>
    /// <param name="expected">The form the caller must use, with an example; it becomes the field violation's text.</param>
    public static string ParseId(Regex pattern, string name, string field, string expected)
    {
        var match = pattern.Match(name);
        return match.Success
            ? match.Groups["id"].Value
            : throw RpcErrors.InvalidArgument(field, $"Must be {expected}.", RequestRules.MalformedName);
    }
}
