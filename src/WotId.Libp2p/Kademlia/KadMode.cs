// libp2p/specs kad-dht/README.md "Client and server mode".
namespace WotId.Libp2p.Kademlia;

/// <summary>Whether a node answers DHT requests.</summary>
public enum KadMode
{
    /// <summary>Serves the protocol (listed in identify, added to others' routing tables) and stores records.</summary>
    Server,

    /// <summary>Only sends requests; does not advertise or accept the protocol (for nodes that are not dialable).</summary>
    Client,
}
