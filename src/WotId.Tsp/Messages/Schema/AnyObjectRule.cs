// wot.id message schemas: free-form objects (device command parameters, JSON credentials).
using System.Text.Json;

namespace WotId.Tsp.Messages.Schema;

/// <summary>Any JSON object with at most <c>maxMembers</c> members (nesting is bounded by the parser's depth limit).</summary>
internal sealed class AnyObjectRule(int maxMembers) : JsonRule
{
    public override void Validate(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(path, "an object", value);
        }

        int n = 0;
        foreach (JsonProperty unused in value.EnumerateObject())
        {
            n++;
        }

        if (n > maxMembers)
        {
            throw new WotMessageException(WotMessageError.OutOfRange, path, $"{n} members, at most {maxMembers}");
        }
    }
}
