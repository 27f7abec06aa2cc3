// The outcome of one iterative lookup (KadLookup), with the figures the simulation reports.
using System.Collections.Generic;

namespace WotId.Libp2p.Kademlia;

/// <summary>What a lookup found and what it cost.</summary>
/// <param name="Closest">Up to k peers that answered, nearest to the target first.</param>
/// <param name="Requests">Requests sent.</param>
/// <param name="Failures">Requests that failed.</param>
/// <param name="Hops">Hop of the nearest candidate found (0 = it was already known).</param>
/// <param name="Stopped">True when the caller's callback ended the lookup early.</param>
/// <param name="Exact">The candidate whose key equals the target (a FIND_NODE for a peer that exists), or null.</param>
internal sealed record LookupResult(List<KadContact> Closest, int Requests, int Failures, int Hops, bool Stopped, KadContact? Exact);
