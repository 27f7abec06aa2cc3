// `wotid status --json` and GET /v1/status. The JSON names are stable (docs/node.md "Node facade").
using System.Collections.Generic;

namespace WotId.Node.Api;

/// <summary>Who the node is and what it holds.</summary>
/// <param name="Name">Profile name.</param>
/// <param name="Did">The full DID.</param>
/// <param name="Fingerprint">The short DID fingerprint people read.</param>
/// <param name="PeerId">The libp2p peer id.</param>
/// <param name="Addresses">Listen addresses, each with <c>/p2p/&lt;peer id&gt;</c>.</param>
/// <param name="Credential">The imported VerifiedHuman credential, if any.</param>
/// <param name="Mailbox">The node's own mailbox, if any.</param>
/// <param name="Contacts">Number of contacts.</param>
/// <param name="Inbox">Number of received messages.</param>
/// <param name="Unread">Received messages not yet marked read.</param>
/// <param name="Outbox">Outgoing messages not yet acknowledged or deposited.</param>
/// <param name="Connections">Verified connections open now.</param>
/// <param name="Network">Connection, stream, memory and refusal counters of the libp2p host (null from a node without one).</param>
/// <param name="Reachability">Whether others can dial the node and at which addresses (null from a node without a host).</param>
/// <param name="Dht">The node on the wot.id DHT (null when it runs no DHT: no <c>--bootstrap</c> and no <c>--dht-listen</c>).</param>
public sealed record NodeStatus(
    string Name,
    string Did,
    string Fingerprint,
    string PeerId,
    IReadOnlyList<string> Addresses,
    CredentialSummary? Credential,
    MailboxSummary? Mailbox,
    int Contacts,
    int Inbox,
    int Unread,
    int Outbox,
    int Connections,
    NetworkStatus? Network = null,
    ReachabilityStatus? Reachability = null,
    DhtStatus? Dht = null);
