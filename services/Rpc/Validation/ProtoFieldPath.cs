using System.Text;

namespace KiPlatform.Rpc.Validation;

/// <summary>
/// Names a field the way the contract does: FluentValidation reports C# property paths ("Contact.EmailAddress",
/// "Posts[1].Fte"), callers know proto paths ("contact.email_address", "posts[1].fte").
/// </summary>
public static class ProtoFieldPath
{
    public static string FromPropertyPath(string propertyPath)
    {
        var path = new StringBuilder(propertyPath.Length + 8);
        var segmentStart = true;
        foreach (var c in propertyPath)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                if (!segmentStart)
                {
                    path.Append('_');
                }

                path.Append(char.ToLowerInvariant(c));
            }
            else
            {
                path.Append(c);
            }

            segmentStart = c is '.' or '[' or ']';
        }

        return path.ToString();
    }
}
