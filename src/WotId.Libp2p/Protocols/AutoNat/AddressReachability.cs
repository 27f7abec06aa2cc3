// Per-address reachability with the number of servers behind it (libp2p/specs autonat/autonat-v2.md: reachable when
// enough servers report a successful dial, unreachable when enough report failures).
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>What the servers asked so far say about one of our addresses.</summary>
/// <param name="Address">Our address (without <c>/p2p</c>).</param>
/// <param name="State">The decision.</param>
/// <param name="Successes">Distinct servers whose latest answer was a verified dial back.</param>
/// <param name="Failures">Distinct servers whose latest answer was a failed dial.</param>
public sealed record AddressReachability(Multiaddress Address, Reachability State, int Successes, int Failures);
