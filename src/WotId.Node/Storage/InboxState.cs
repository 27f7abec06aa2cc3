// States of a received message.
namespace WotId.Node.Storage;

/// <summary>Where a received message stands.</summary>
internal enum InboxState
{
    /// <summary>Stored, not yet shown.</summary>
    Received = 0,

    /// <summary>Shown to the user.</summary>
    Read = 1,
}
