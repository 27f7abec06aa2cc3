// Fuzz target: the listing cursor of IotaMailbox.ListAsync (a caller may hand back any string, for example from
// `wotid mailbox list --cursor`).
using System;
using System.Text;
using WotId.Mailbox.Chain;

namespace WotId.Fuzz.Targets.Mailbox;

/// <summary>Only <see cref="ArgumentException"/> may escape.</summary>
public sealed class ListCursorTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "mailbox-list-cursor";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        string cursor = Encoding.UTF8.GetString(input);
        try
        {
            (bool archived, System.Text.Json.JsonElement? node) = ListCursor.Parse(cursor);
            string again = ListCursor.Format(archived, node);
            if (ListCursor.Parse(again).Archived != archived)
            {
                throw new InvalidOperationException("a formatted cursor does not parse back to the same part");
            }
        }
        catch (ArgumentException)
        {
        }
    }
}
