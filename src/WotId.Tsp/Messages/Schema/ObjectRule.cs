// wot.id message schemas: objects with named members, no others allowed.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace WotId.Tsp.Messages.Schema;

/// <summary>An object whose members are exactly the listed ones (required ones present, no unknown ones).</summary>
internal sealed class ObjectRule : JsonRule
{
    private readonly Dictionary<string, (JsonRule Rule, bool Required)> _fields;

    public ObjectRule(params (string Name, JsonRule Rule, bool Required)[] fields)
    {
        _fields = fields.ToDictionary(f => f.Name, f => (f.Rule, f.Required), StringComparer.Ordinal);
        Fields = fields;
    }

    /// <summary>The fields in declaration order (the documentation lists them in this order).</summary>
    public IReadOnlyList<(string Name, JsonRule Rule, bool Required)> Fields { get; }

    public override void Validate(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(path, "an object", value);
        }

        foreach (JsonProperty p in value.EnumerateObject())
        {
            if (!_fields.TryGetValue(p.Name, out (JsonRule Rule, bool Required) field))
            {
                throw new WotMessageException(WotMessageError.UnknownField, path + "." + p.Name, "this member is not defined for this object");
            }

            field.Rule.Validate(p.Value, path + "." + p.Name);
        }

        foreach ((string name, JsonRule _, bool required) in Fields)
        {
            if (required && !value.TryGetProperty(name, out _))
            {
                throw new WotMessageException(WotMessageError.MissingField, path + "." + name, "required member is missing");
            }
        }
    }
}
