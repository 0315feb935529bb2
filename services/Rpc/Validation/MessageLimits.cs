using System.Buffers;
using System.Collections;
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
    public static IReadOnlyList<BadRequest.Types.FieldViolation> Violations(IMessage message)
    {
        List<BadRequest.Types.FieldViolation>? violations = null;
        Check(message, "", ref violations);
        return violations ?? [];
    }

    /// <summary>Every call checks its request here: a field's path is only spelled out once it is needed.</summary>
    private static void Check(IMessage message, string prefix, ref List<BadRequest.Types.FieldViolation>? violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap || field.IsRepeated)
            {
                var entries = (ICollection)value;
                if (entries.Count > MaxEntries)
                {
                    Add(ref violations, new FieldPath(prefix, field.Name), $"Must hold at most {MaxEntries} entries.", TooManyEntriesReason);
                    continue;
                }

                // Map entries are named by their place, not their key: a refusal never quotes what was sent.
                var (keyField, valueField) = field.IsMap ? (field.MessageType.FindFieldByNumber(1), field.MessageType.FindFieldByNumber(2)) : (null, field);
                var place = 0;
                foreach (var entry in entries)
                {
                    if (entry is DictionaryEntry pair)
                    {
                        CheckValue(keyField!, pair.Key, new FieldPath(prefix, field.Name, place, ".key"), ref violations);
                        CheckValue(valueField, pair.Value, new FieldPath(prefix, field.Name, place, ".value"), ref violations);
                    }
                    else
                    {
                        CheckValue(valueField, entry, new FieldPath(prefix, field.Name, place), ref violations);
                    }

                    place++;
                }
            }
            else
            {
                CheckValue(field, value, new FieldPath(prefix, field.Name), ref violations);
            }
        }
    }

    private static void CheckValue(FieldDescriptor field, object? value, FieldPath path, ref List<BadRequest.Types.FieldViolation>? violations)
    {
        switch (field.FieldType)
        {
            case FieldType.String when value is string text:
                if (text.Length > MaxTextLength)
                {
                    Add(ref violations, path, $"Must be at most {MaxTextLength} characters.", TextTooLongReason);
                }
                else if (text.AsSpan().IndexOfAny(ForbiddenControls) is var control and >= 0)
                {
                    Add(ref violations, path,
                        $"Must not contain control characters other than tab and line breaks (U+{(int)text[control]:X4} at position {control}).", ControlCharacterReason);
                }

                break;
            case FieldType.Message or FieldType.Group when value is IMessage inner:
                Check(inner, path + ".", ref violations);
                break;
            case FieldType.Enum when value is not null && field.EnumType.FindValueByNumber(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)) is null:
                Add(ref violations, path, $"Must be one of the {field.EnumType.Name} values.", UnknownEnumValueReason);
                break;
        }
    }

    private static void Add(ref List<BadRequest.Types.FieldViolation>? violations, FieldPath path, string description, string reason) =>
        (violations ??= []).Add(new BadRequest.Types.FieldViolation { Field = path.ToString(), Description = description, Reason = reason });

    /// <summary>A field's proto path, e.g. <c>documents[3].title</c>, spelled out only when a refusal or a nested message needs it.</summary>
    private readonly record struct FieldPath(string Prefix, string Name, int Place = -1, string Suffix = "")
    {
        public override string ToString() => Place < 0 ? Prefix + Name : $"{Prefix}{Name}[{Place}]{Suffix}";

        public static string operator +(FieldPath path, string separator) => path.ToString() + separator;
    }
}
