// The "reachability" part of `wotid status --json` and GET /v1/status (docs/nat.md "Automatic reachability"). JSON
// names and the values of State and Source are stable (docs/cli.md).
using System.Collections.Generic;

namespace WotId.Node.Api;

/// <summary>How others reach the node: its reachability, where that verdict comes from, and what it advertises.</summary>
/// <param name="State"><c>public</c> (an AutoNAT v2 server dialed one of our addresses back), <c>private</c> (every address failed) or <c>unknown</c>.</param>
/// <param name="Source"><c>autonat</c> (measured against the bootstrap peers' AutoNAT v2 service), <c>configured</c> (<c>wotid run --reachability</c>) or <c>none</c> (no bootstrap peers, nothing measured).</param>
/// <param name="PublicAddresses">Our addresses an AutoNAT server dialed back (advertised first when public).</param>
/// <param name="RelayedAddresses">The <c>/p2p-circuit</c> addresses of the relay reservations live now.</param>
/// <param name="Relays">Relays we hold or seek a reservation on (configured with <c>--relay</c> or found among the bootstrap peers).</param>
public sealed record ReachabilityStatus(
    string State,
    string Source,
    IReadOnlyList<string> PublicAddresses,
    IReadOnlyList<string> RelayedAddresses,
    IReadOnlyList<string> Relays);
