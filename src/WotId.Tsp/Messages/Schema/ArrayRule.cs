// wot.id message schemas: arrays with a length range and a rule for every item.
using System.Text.Json;

namespace WotId.Tsp.Messages.Schema;

/// <summary>An array of <c>min..max</c> items, each checked by <c>item</c>.</summary>
internal sealed class ArrayRule(JsonRule item, int minItems, int maxItems) : JsonRule
{
    public override void Validate(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(path, "an array", value);
        }

        int n = value.GetArrayLength();
        if (n < minItems || n > maxItems)
        {
            throw new WotMessageException(WotMessageError.OutOfRange, path, $"{n} items, outside {minItems}..{maxItems}");
        }

        int i = 0;
        foreach (JsonElement e in value.EnumerateArray())
        {
            item.Validate(e, $"{path}[{i}]");
            i++;
        }
    }
}
