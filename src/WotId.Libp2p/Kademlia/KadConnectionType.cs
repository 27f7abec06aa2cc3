// libp2p/specs kad-dht/README.md "RPC messages": Message.ConnectionType of a Peer entry.
namespace WotId.Libp2p.Kademlia;

/// <summary>What the sender knows about its connection to a peer it lists.</summary>
internal enum KadConnectionType
{
    NotConnected = 0,
    Connected = 1,
    CanConnect = 2,
    CannotConnect = 3,
}
