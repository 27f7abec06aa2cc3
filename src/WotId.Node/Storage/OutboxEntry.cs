// One outgoing message as stored (the envelope is opened from its sealed form on read).
using System;

namespace WotId.Node.Storage;

/// <summary>An outbox row.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="ContactId">The recipient contact.</param>
/// <param name="Envelope">The envelope bytes to send (secret: never logged).</param>
/// <param name="State">Delivery state.</param>
/// <param name="Attempts">Send attempts so far.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="UpdatedAt">Last state change.</param>
internal sealed record OutboxEntry(string MessageId, long ContactId, byte[] Envelope, OutboxState State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>Ids and state only; never the envelope.</summary>
    public override string ToString() => $"OutboxEntry({MessageId}, contact {ContactId}, {State}, {Attempts} attempts)";
}
