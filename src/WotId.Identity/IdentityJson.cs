// Bounded JSON input for every identity decoder: RFC 8259 via System.Text.Json, depth ≤ 32, size capped
// by the caller, duplicate member names rejected (RFC 7515 §5.2 requires rejecting them in JOSE headers).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace WotId.Identity;

/// <summary>JSON helpers that turn every parse problem into an <see cref="IdentityFormatException"/>.</summary>
internal static class IdentityJson
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        MaxDepth = 32,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses UTF-8 JSON of at most <paramref name="maxBytes"/> bytes whose root is an object.</summary>
    public static JsonDocument ParseObject(ReadOnlyMemory<byte> utf8, int maxBytes)
    {
        if (utf8.Length > maxBytes)
        {
            throw new IdentityFormatException(IdentityError.TooLarge, $"JSON larger than {maxBytes} bytes");
        }

        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span))
        {
            throw new IdentityFormatException(IdentityError.MalformedJson, "JSON is not valid UTF-8");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, s_options);
        }
        catch (JsonException ex)
        {
            throw new IdentityFormatException(IdentityError.MalformedJson, "malformed JSON", ex);
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw new IdentityFormatException(IdentityError.MissingOrWrongMember, "JSON root must be an object");
        }

        return doc;
    }

    /// <summary>Parses JSON text; see <see cref="ParseObject(ReadOnlyMemory{byte}, int)"/>.</summary>
    public static JsonDocument ParseObject(string json, int maxBytes)
    {
        if (json.Length > maxBytes)
        {
            throw new IdentityFormatException(IdentityError.TooLarge, $"JSON larger than {maxBytes} bytes");
        }

        return ParseObject(System.Text.Encoding.UTF8.GetBytes(json), maxBytes);
    }

    /// <summary>A required string member.</summary>
    public static string RequireString(JsonElement obj, string name) =>
        OptionalString(obj, name) ?? throw Missing(name);

    /// <summary>An optional string member (null when absent; wrong JSON type throws).</summary>
    public static string? OptionalString(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out JsonElement v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw Missing(name);
    }

    /// <summary>An optional integer member.</summary>
    public static long? OptionalInt64(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out JsonElement v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : throw Missing(name);
    }

    /// <summary>A member that is a string or an array of strings (JSON-LD's "one or many").</summary>
    public static List<string> StringOrArray(JsonElement obj, string name, bool required)
    {
        var list = new List<string>();
        if (!obj.TryGetProperty(name, out JsonElement v))
        {
            return required ? throw Missing(name) : list;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            list.Add(v.GetString()!);
            return list;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            throw Missing(name);
        }

        foreach (JsonElement e in v.EnumerateArray())
        {
            list.Add(e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Missing(name));
        }

        return list;
    }

    /// <summary>Parses an XML Schema dateTimeStamp (a time zone is required), e.g. <c>2026-11-25T12:00:00Z</c>.</summary>
    public static DateTimeOffset ParseDate(string text)
    {
        int t = text.IndexOf('T', StringComparison.Ordinal);
        bool hasZone = text.EndsWith('Z') || (t > 0 && (text.IndexOf('+', t) > 0 || text.IndexOf('-', t) > 0));
        if (text.Length > 64 || t != 10 || !hasZone
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset d))
        {
            throw new IdentityFormatException(IdentityError.MalformedDate, "not an XML Schema dateTimeStamp");
        }

        return d;
    }

    /// <summary>Formats a date as <c>yyyy-MM-ddTHH:mm:ssZ</c> (UTC, whole seconds).</summary>
    public static string FormatDate(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IdentityFormatException Missing(string name) =>
        new(IdentityError.MissingOrWrongMember, $"member '{name}' missing or of the wrong type");
}
