// libp2p/specs relay/circuit-v2.md, "Protobuf": HopMessage.Type.
namespace WotId.Libp2p.Protocols.Relay;

/// <summary>The type of a hop message.</summary>
public enum HopMessageType
{
    /// <summary>A client asks for a reservation.</summary>
    Reserve = 0,

    /// <summary>A client asks for a circuit to a peer.</summary>
    Connect = 1,

    /// <summary>The relay's answer.</summary>
    Status = 2,
}
