// libp2p/specs relay/DCUtR.md, "Protobuf": HolePunch.Type.
namespace WotId.Libp2p.Protocols.Dcutr;

/// <summary>The type of a DCUtR message.</summary>
public enum HolePunchType
{
    /// <summary>Exchange of observed addresses (both ways).</summary>
    Connect = 100,

    /// <summary>The driver's signal to start dialing.</summary>
    Sync = 300,
}
