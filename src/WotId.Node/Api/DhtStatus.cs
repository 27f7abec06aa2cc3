// The "dht" part of `wotid status --json` and GET /v1/status (docs/discovery.md "The node on the DHT"). JSON names are
// stable (docs/cli.md).
using System;
using System.Collections.Generic;

namespace WotId.Node.Api;

/// <summary>The node on the wot.id DHT: its DHT host, the routing table, and the last publication of its record.</summary>
/// <param name="PeerId">The DHT host's peer id (an ephemeral identity, not the chat peer id).</param>
/// <param name="Addresses">The DHT host's addresses, each with <c>/p2p</c> (what others pass to <c>--bootstrap</c>).</param>
/// <param name="RoutingTableSize">Peers in the Kademlia routing table now.</param>
/// <param name="Published">Whether the node's signed record was published since the node started.</param>
/// <param name="PublishedAt">When the record was last published (null before the first publication).</param>
/// <param name="Sequence">The last published record's sequence number (publication time in Unix milliseconds; null before).</param>
/// <param name="StoredOn">How many DHT peers accepted the last publication (0: only our own store held it).</param>
/// <param name="LastFailureAt">When the last publication failed, if one did after the last success.</param>
public sealed record DhtStatus(
    string PeerId,
    IReadOnlyList<string> Addresses,
    int RoutingTableSize,
    bool Published,
    DateTimeOffset? PublishedAt,
    ulong? Sequence,
    int StoredOn,
    DateTimeOffset? LastFailureAt);
