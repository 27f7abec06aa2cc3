// States of an outgoing message (the node's delivery state machine moves them; this layer only records them).
namespace WotId.Node.Storage;

/// <summary>Where an outgoing message stands.</summary>
internal enum OutboxState
{
    /// <summary>Waiting to be sent (contact offline, or held after an identity key change).</summary>
    Queued = 0,

    /// <summary>Handed to the peer or to its mailbox; no receipt yet.</summary>
    Sent = 1,

    /// <summary>The peer confirmed receipt.</summary>
    Delivered = 2,

    /// <summary>Given up.</summary>
    Failed = 3,
}
