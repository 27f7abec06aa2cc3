// A snapshot of what the peer store knows about one peer (libp2p peer store: addresses, protocols, keys).
using System.Collections.Generic;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Host;

/// <summary>What the host knows about a peer.</summary>
/// <param name="PeerId">The peer.</param>
/// <param name="Addresses">Known addresses (without <c>/p2p</c>).</param>
/// <param name="Protocols">Protocols it accepts inbound (from identify).</param>
/// <param name="PublicKey">Its public key, once known.</param>
/// <param name="AgentVersion">Its agent version, once identified.</param>
/// <param name="PeerRecordSequence">Sequence of the newest verified peer record, or null.</param>
public sealed record PeerInfo(
    PeerId PeerId,
    IReadOnlyList<Multiaddress> Addresses,
    IReadOnlyList<string> Protocols,
    PeerPublicKey? PublicKey,
    string? AgentVersion,
    ulong? PeerRecordSequence);
