// The answer of one AutoNAT v2 server about one of our addresses.
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>One server's verdict on one address.</summary>
/// <param name="Server">The server asked.</param>
/// <param name="Address">The address tested (without <c>/p2p</c>).</param>
/// <param name="Outcome">What the server found.</param>
/// <param name="Detail">A short explanation for logs and the command line (never secret).</param>
/// <param name="DialDataSent">Bytes of dial data the server demanded and we sent (0 when the server dialed our observed IP).</param>
public sealed record AutoNatCheckResult(PeerId Server, Multiaddress Address, AutoNatOutcome Outcome, string Detail, int DialDataSent);
