// libp2p/specs relay/circuit-v2.md, "Protobuf": StopMessage.Type.
namespace WotId.Libp2p.Protocols.Relay;

/// <summary>The type of a stop message.</summary>
public enum StopMessageType
{
    /// <summary>The relay announces an inbound circuit.</summary>
    Connect = 0,

    /// <summary>The target's answer.</summary>
    Status = 1,
}
