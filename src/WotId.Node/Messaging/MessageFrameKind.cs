// Frame kinds of /wotid/msg/1.0.0 (docs/node.md "Messaging").
namespace WotId.Node.Messaging;

/// <summary>The first byte of a frame body.</summary>
internal enum MessageFrameKind
{
    /// <summary><c>0x01</c>: u64be seq ‖ sealed envelope.</summary>
    Message = 0x01,

    /// <summary><c>0x02</c>: u64be seq ‖ u8 status.</summary>
    Ack = 0x02,
}
