using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace KiPlatform.Rpc.Validation;

/// <summary>
/// The limits every request message keeps, whatever its RPC, checked before anything reads it (its validator
/// included): every string at most <see cref="MaxTextLength"/> characters, with no NUL and no other control character
/// but tab and line breaks; every repeated field and map at most <see cref="MaxEntries"/> entries; every enum field one
/// of its declared values. A request's own validator then applies its tighter, field-specific rules.
/// Refusals name the field by its proto path and never quote the value.
/// </summary>
public static class MessageLimits
{
    public const int MaxTextLength = 10_000;
    public const int MaxEntries = 1_000;
    public const string TextTooLongReason = "FIELD_LENGTH";
    public const string ControlCharacterReason = "FIELD_CONTROL_CHARACTER";
    public const string TooManyEntriesReason = "FIELD_TOO_MANY_ENTRIES";
    public const string UnknownEnumValueReason = "FIELD_INVALID";

    /// <summary>The C0 control characters but tab, line feed and carriage return.</summary>
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        Enumerable.Range(0, 0x20).Select(c => (char)c).Where(c => c is not '\t' and not '\n' and not '\r').ToArray());

    /// <summary>The fields of <paramref name="message"/> (and of the messages inside it) that break a limit; empty when none does.</summary>
    public static List<BadRequest.Types.FieldViolation> Violations(IMessage message)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        Check(message, "", violations);
        return violations;
    }

    private static void Check(IMessage message, string prefix, List<BadRequest.Types.FieldViolation> violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var entries = (System.Collections.IDictionary)value;
                if (TooMany(entries.Count, path, violations))
                {
                    continue;
                }

                // Entries are named by their place, not their key: a refusal never quotes what was sent.
                var (keyField, valueField) = (field.MessageType.FindFieldByNumber(1), field.MessageType.FindFieldByNumber(2));
                var place = 0;
                foreach (System.Collections.DictionaryEntry entry in entries)
                {
                    CheckValue(keyField, entry.Key, $"{path}[{place}].key", violations);
                    CheckValue(valueField, entry.Value, $"{path}[{place}].value", violations);
                    place++;
                }
            }
            else if (field.IsRepeated)
            {
                var list = (System.Collections.IList)value;
                if (TooMany(list.Count, path, violations))
                {
                    continue;
                }

                for (var i = 0; i < list.Count; i++)
                {
                    CheckValue(field, list[i], $"{path}[{i}]", violations);
                }
            }
            else
            {
                CheckValue(field, value, path, violations);
            }
        }
    }

    private static void CheckValue(FieldDescriptor field, object? value, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        switch (field.FieldType)
        {
            case FieldType.String when value is string text:
                CheckText(text, path, violations);
                break;
            case FieldType.Message or FieldType.Group when value is IMessage inner:
                Check(inner, path + ".", violations);
                break;
            case FieldType.Enum when value is not null && field.EnumType.FindValueByNumber(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)) is null:
                violations.Add(Violation(path, $"Must be one of the {field.EnumType.Name} values.", UnknownEnumValueReason));
                break;
        }
    }

    private static void CheckText(string text, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        if (text.Length > MaxTextLength)
        {
            violations.Add(Violation(path, $"Must be at most {MaxTextLength} characters.", TextTooLongReason));
            return;
        }

        if (text.AsSpan().IndexOfAny(ForbiddenControls) is var control and >= 0)
        {
            violations.Add(Violation(path,
                $"Must not contain control characters other than tab and line breaks (U+{(int)text[control]:X4} at position {control}).", ControlCharacterReason));
        }
    }

    private static bool TooMany(int count, string path, List<BadRequest.Types.FieldViolation> violations)
    {
        if (count <= MaxEntries)
        {
            return false;
        }

        violations.Add(Violation(path, $"Must hold at most {MaxEntries} entries.", TooManyEntriesReason));
        return true;
    }

    private static BadRequest.Types.FieldViolation Violation(string field, string description, string reason) =>
        new() { Field = field, Description = description, Reason = reason };
}
