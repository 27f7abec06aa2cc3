// A peer found on the local network by mDNS (libp2p/specs discovery/mdns.md).
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Mdns;

/// <summary>A discovered peer and the addresses it announced (without <c>/p2p</c>).</summary>
/// <param name="PeerId">The peer.</param>
/// <param name="Addresses">Its addresses.</param>
public sealed record MdnsPeer(PeerId PeerId, IReadOnlyList<Multiaddress> Addresses);
