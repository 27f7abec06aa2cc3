// One received message as stored (the body is opened from its sealed form on read).
using System;

namespace WotId.Node.Storage;

/// <summary>An inbox row.</summary>
/// <param name="ContactId">The sender contact.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Body">The plaintext body (secret: never logged).</param>
/// <param name="Via">How it came ("direct" or "mailbox").</param>
/// <param name="ReceivedAt">When it was stored.</param>
/// <param name="State">Read state.</param>
internal sealed record InboxEntry(long ContactId, string MessageId, byte[] Body, string Via, DateTimeOffset ReceivedAt, InboxState State)
{
    /// <summary>Ids and state only; never the body.</summary>
    public override string ToString() => $"InboxEntry({MessageId}, contact {ContactId}, via {Via}, {State})";
}
