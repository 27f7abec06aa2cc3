// wot.id message schemas: integer members with a range.
using System;
using System.Text.Json;

namespace WotId.Tsp.Messages.Schema;

/// <summary>An integer (no fraction, no exponent) in <c>min..max</c>.</summary>
internal sealed class IntegerRule(long min, long max) : JsonRule
{
    public override void Validate(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw WrongType(path, "an integer", value);
        }

        string raw = value.GetRawText();
        if (raw.AsSpan().IndexOfAny(".eE") >= 0 || !value.TryGetInt64(out long n))
        {
            throw new WotMessageException(WotMessageError.WrongType, path, $"expected an integer, found {raw}");
        }

        if (n < min || n > max)
        {
            throw new WotMessageException(WotMessageError.OutOfRange, path, $"{n} is outside {min}..{max}");
        }
    }
}
