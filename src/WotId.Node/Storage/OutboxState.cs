// States of an outgoing message (the node's delivery state machine moves them; this layer only records them).
namespace WotId.Node.Storage;

/// <summary>Where an outgoing message stands.</summary>
internal enum OutboxState
{
    /// <summary>Sealed and waiting to be sent.</summary>
    Queued = 0,

    /// <summary>Acknowledged by the peer on the direct path; no receipt yet.</summary>
    Sent = 1,

    /// <summary>The peer confirmed receipt.</summary>
    Delivered = 2,

    /// <summary>Given up.</summary>
    Failed = 3,

    /// <summary>Not sealed: the contact's identity key changed and the change was not accepted yet.</summary>
    Held = 4,

    /// <summary>Deposited in the contact's mailbox; no receipt yet.</summary>
    Deposited = 5,

    /// <summary>The peer reported the message read.</summary>
    Read = 6,
}
