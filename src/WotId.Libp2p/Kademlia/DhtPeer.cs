// A peer found through the DHT (libp2p/specs kad-dht/README.md "Peer": id and addresses).
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>A peer and the addresses the DHT gave for it (without <c>/p2p</c>).</summary>
/// <param name="PeerId">The peer.</param>
/// <param name="Addresses">Its addresses.</param>
public sealed record DhtPeer(PeerId PeerId, IReadOnlyList<Multiaddress> Addresses);
