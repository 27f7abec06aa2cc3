// wot.id message schemas: a member that is either a string (e.g. a compact JWS) or an object (e.g. a JSON-LD VC).
using System.Text.Json;

namespace WotId.Tsp.Messages.Schema;

/// <summary>Either a string checked by <c>asString</c> or an object checked by <c>asObject</c>.</summary>
internal sealed class StringOrObjectRule(JsonRule asString, JsonRule asObject) : JsonRule
{
    public override void Validate(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                asString.Validate(value, path);
                break;
            case JsonValueKind.Object:
                asObject.Validate(value, path);
                break;
            default:
                throw WrongType(path, "a string or an object", value);
        }
    }
}
