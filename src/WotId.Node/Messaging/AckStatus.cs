// Status byte of an ACK frame (docs/node.md "Messaging", "/wotid/msg/1.0.0").
namespace WotId.Node.Messaging;

/// <summary>What the receiver did with a MESSAGE frame.</summary>
internal enum AckStatus
{
    /// <summary>Stored now (committed with its session state and dedup row).</summary>
    Stored = 0,

    /// <summary>Already stored earlier.</summary>
    Duplicate = 1,

    /// <summary>Refused; it will never be stored, do not retry this frame.</summary>
    Rejected = 2,

    /// <summary>
    /// Refused because the PreKey message names a one-time prekey the receiver no longer has (reason
    /// <c>unknown_prekey</c>): this frame will never be stored, but the same message sealed on a session built from a
    /// fresh bundle can be.
    /// </summary>
    RejectedUnknownPreKey = 3,
}
