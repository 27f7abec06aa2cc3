// A peer as the DHT knows it: id, Kademlia key and the addresses to reach it (libp2p/specs kad-dht/README.md "Peer").
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>A routing-table entry or lookup candidate.</summary>
internal sealed record KadContact(PeerId Id, KadKey Key, IReadOnlyList<Multiaddress> Addresses)
{
    public static KadContact Of(PeerId id, IReadOnlyList<Multiaddress> addresses) => new(id, KadKey.ForPeer(id), addresses);

    public KadPeer ToWire(KadConnectionType connection = KadConnectionType.NotConnected) => KadPeer.From(Id, Addresses, connection);
}
