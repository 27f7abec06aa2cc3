// wot.id message schemas: string members with a length range and an optional format.
using System;
using System.Text.Json;

namespace WotId.Tsp.Messages.Schema;

/// <summary>A string of <c>min..max</c> UTF-16 code units, optionally of a named format.</summary>
internal sealed class StringRule(int minLength, int maxLength, string? formatName = null, Func<string, bool>? format = null) : JsonRule
{
    public override void Validate(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(path, "a string", value);
        }

        string s = value.GetString()!;
        if (s.Length < minLength || s.Length > maxLength)
        {
            throw new WotMessageException(WotMessageError.OutOfRange, path, $"length {s.Length} is outside {minLength}..{maxLength}");
        }

        if (format is not null && !format(s))
        {
            throw new WotMessageException(WotMessageError.InvalidFormat, path, $"not a valid {formatName}");
        }
    }
}
