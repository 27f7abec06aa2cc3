// One line of a conversation as stored (both directions); the node maps it to Api.ConversationEntry.
using System;

namespace WotId.Node.Storage;

/// <summary>A chat message of a conversation.</summary>
/// <param name="MessageId">The wot.id message id.</param>
/// <param name="Outgoing">True for a message this profile sent.</param>
/// <param name="Text">The chat text (secret: never logged).</param>
/// <param name="SentAt">The sender's timestamp (the order key, then the message id).</param>
/// <param name="State">Outgoing: queued, held, sent, deposited, delivered, read, failed; incoming: received, read.</param>
/// <param name="Via">Incoming: direct or mailbox; outgoing: null.</param>
internal sealed record ConversationMessage(string MessageId, bool Outgoing, string Text, DateTimeOffset SentAt, string State, string? Via)
{
    /// <summary>Ids and state only; never the text.</summary>
    public override string ToString() => $"ConversationMessage({MessageId}, {(Outgoing ? "out" : "in")}, {State})";
}
