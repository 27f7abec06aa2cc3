// wot.id message schemas (docs/messages.md): the validator building blocks.
using System.Text.Json;

namespace WotId.Tsp.Messages.Schema;

/// <summary>Validates one JSON value; throws <see cref="WotMessageException"/> naming the path.</summary>
internal abstract class JsonRule
{
    public abstract void Validate(JsonElement value, string path);

    protected static WotMessageException WrongType(string path, string expected, JsonElement actual) =>
        new(WotMessageError.WrongType, path, $"expected {expected}, found {actual.ValueKind.ToString().ToLowerInvariant()}");
}
