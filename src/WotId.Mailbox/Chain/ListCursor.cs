// The opaque cursor of IotaMailbox.ListAsync: "p" (pending part) or "a" (archived part), then the node's JSON
// cursor of that part, if any. Only cursors this type formatted are accepted back.
using System;
using System.Text.Json;

namespace WotId.Mailbox.Chain;

/// <summary>Formats and parses listing cursors.</summary>
internal static class ListCursor
{
    private const int MaxLength = 512;

    public static string Format(bool archived, JsonElement? nodeCursor) =>
        (archived ? "a" : "p") + (nodeCursor is JsonElement e ? e.GetRawText() : string.Empty);

    public static (bool Archived, JsonElement? NodeCursor) Parse(string? cursor)
    {
        if (cursor is null)
        {
            return (false, null);
        }

        if (cursor.Length is 0 or > MaxLength || (cursor[0] != 'p' && cursor[0] != 'a'))
        {
            throw new ArgumentException("not a cursor of this mailbox listing", nameof(cursor));
        }

        if (cursor.Length == 1)
        {
            return (cursor[0] == 'a', null);
        }

        try
        {
            using JsonDocument d = JsonDocument.Parse(cursor.AsMemory(1));
            return (cursor[0] == 'a', d.RootElement.Clone());
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("not a cursor of this mailbox listing", nameof(cursor), ex);
        }
    }
}
