// wot.id message envelope: parsing with validation on input, serialization (docs/messages.md, "Envelope").
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using WotId.Tsp.Messages.Schema;

namespace WotId.Tsp.Messages;

/// <summary>Parses and writes wot.id messages; every input is checked against the envelope and payload schemas.</summary>
public static class WotMessageCodec
{
    /// <summary>Default size limit of one message: 256 KiB of UTF-8 JSON.</summary>
    public const int DefaultMaxSize = 256 * 1024;

    /// <summary>Deepest JSON nesting accepted.</summary>
    public const int MaxDepth = 16;

    private static readonly string[] s_envelopeMembers = ["id", "type", "timestamp", "payload"];

    /// <summary>Parses and validates a message.</summary>
    /// <exception cref="WotMessageException">Too large, not JSON, duplicate members, unknown type or schema violations.</exception>
    public static WotMessage Parse(ReadOnlySpan<byte> utf8Json, int maxSize = DefaultMaxSize)
    {
        if (utf8Json.Length > maxSize)
        {
            throw new WotMessageException(WotMessageError.TooLarge, "$", $"{utf8Json.Length} bytes, the limit is {maxSize}");
        }

        // RFC 8259 §8.1: JSON text is UTF-8. Utf8JsonReader does not validate member names, and reading one with an
        // invalid byte throws InvalidOperationException, so the whole input is checked first.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            throw new WotMessageException(WotMessageError.NotJson, "$", "not valid UTF-8");
        }

        // Tokenize first: a nesting bomb is TooDeep, anything else the tokenizer refuses is NotJson.
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth > MaxDepth)
                {
                    throw new WotMessageException(WotMessageError.TooDeep, "$", $"nesting deeper than {MaxDepth}");
                }
            }
        }
        catch (JsonException e)
        {
            throw new WotMessageException(WotMessageError.NotJson, "$", $"not valid UTF-8 JSON (byte {reader.BytesConsumed})", e);
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = MaxDepth + 2 });
        }
        catch (JsonException e)
        {
            throw new WotMessageException(WotMessageError.NotJson, "$", "not valid UTF-8 JSON", e);
        }

        using (doc)
        {
            JsonElement root = doc.RootElement;
            CheckStructure(root, "$", 0);
            return FromElement(root);
        }
    }

    /// <summary>UTF-8 JSON of a message, members in the order id, type, timestamp, payload.</summary>
    public static byte[] Serialize(WotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("id", message.Id);
            w.WriteString("type", message.Type);
            w.WriteString("timestamp", FormatTimestamp(message.Timestamp));
            w.WritePropertyName("payload");
            message.Payload.WriteTo(w);
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The timestamp form written: UTC, milliseconds, <c>Z</c> (e.g. <c>2026-11-25T19:30:00.000Z</c>).</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    internal static void Validate(WotMessage message)
    {
        WotMessageSchemas.Id.Validate(JsonSerializer.SerializeToElement(message.Id), "$.id");
        ObjectRule schema = WotMessageSchemas.For(message.Type)
            ?? throw new WotMessageException(WotMessageError.UnknownType, "$.type", $"'{message.Type}' is not a wot.id message type");
        CheckStructure(message.Payload, "$.payload", 1);
        schema.Validate(message.Payload, "$.payload");
    }

    private static WotMessage FromElement(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WotMessageException(WotMessageError.WrongType, "$", "a message is a JSON object");
        }

        foreach (JsonProperty p in root.EnumerateObject())
        {
            if (Array.IndexOf(s_envelopeMembers, p.Name) < 0)
            {
                throw new WotMessageException(WotMessageError.UnknownField, "$." + p.Name, "the envelope has only id, type, timestamp and payload");
            }
        }

        foreach (string name in s_envelopeMembers)
        {
            if (!root.TryGetProperty(name, out _))
            {
                throw new WotMessageException(WotMessageError.MissingField, "$." + name, "required member is missing");
            }
        }

        JsonElement idElement = root.GetProperty("id");
        WotMessageSchemas.Id.Validate(idElement, "$.id");
        JsonElement typeElement = root.GetProperty("type");
        if (typeElement.ValueKind != JsonValueKind.String)
        {
            throw new WotMessageException(WotMessageError.WrongType, "$.type", "expected a string");
        }

        string type = typeElement.GetString()!;
        ObjectRule schema = WotMessageSchemas.For(type)
            ?? throw new WotMessageException(WotMessageError.UnknownType, "$.type", $"'{Truncate(type)}' is not a wot.id message type");
        JsonElement ts = root.GetProperty("timestamp");
        if (ts.ValueKind != JsonValueKind.String)
        {
            throw new WotMessageException(WotMessageError.WrongType, "$.timestamp", "expected an RFC 3339 string");
        }

        if (!WotFormats.TryParseTimestamp(ts.GetString()!, out DateTimeOffset timestamp))
        {
            throw new WotMessageException(WotMessageError.InvalidFormat, "$.timestamp", "not an RFC 3339 date-time with seconds and offset");
        }

        JsonElement payload = root.GetProperty("payload");
        schema.Validate(payload, "$.payload");
        return new WotMessage(idElement.GetString()!, type, timestamp, payload.Clone());
    }

    private static void CheckStructure(JsonElement e, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new WotMessageException(WotMessageError.TooDeep, path, $"nesting deeper than {MaxDepth}");
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    if (!seen.Add(p.Name))
                    {
                        throw new WotMessageException(WotMessageError.DuplicateMember, path + "." + Truncate(p.Name), "member appears twice");
                    }

                    CheckStructure(p.Value, path + "." + Truncate(p.Name), depth + 1);
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in e.EnumerateArray())
                {
                    CheckStructure(item, $"{path}[{i++}]", depth + 1);
                }

                break;
            case JsonValueKind.String:
                try
                {
                    _ = e.GetString();
                }
                catch (InvalidOperationException ex)
                {
                    throw new WotMessageException(WotMessageError.NotJson, path, "string is not valid Unicode", ex);
                }

                break;
        }
    }

    private static string Truncate(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
