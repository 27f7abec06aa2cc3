// libp2p/specs relay/circuit-v2.md, "Protobuf": Peer { required bytes id = 1; repeated bytes addrs = 2; }.
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>A peer named in a relay message, with the addresses its sender knows.</summary>
/// <param name="Id">The peer.</param>
/// <param name="Addresses">Its addresses (addresses that do not decode are dropped when reading).</param>
public sealed record RelayPeer(PeerId Id, IReadOnlyList<Multiaddress> Addresses);
