// JSON output of the node verbs: the records of src/WotId.Node/Api serialised with camelCase names (the stable names
// of docs/node.md "Node facade"), ISO 8601 times, and absent values left out.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WotId.Cli.Commands.Nodes;

/// <summary>Serialises facade records for <c>--json</c>.</summary>
internal static class NodeJson
{
    private static readonly JsonSerializerOptions s_line = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions s_indented = new(s_line) { WriteIndented = true };

    /// <summary>Indented JSON of one result.</summary>
    public static string Indented<T>(T value) => JsonSerializer.Serialize(value, s_indented);

    /// <summary>One-line JSON (events, one per line).</summary>
    public static string Line<T>(T value) => JsonSerializer.Serialize(value, s_line);
}
