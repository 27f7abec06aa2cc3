// How WotIdNode runs (docs/node.md "Node facade"). Defaults suit people; tests shorten the intervals.
using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using WotId.Identity.Status;
using WotId.Libp2p.Protocols.AutoNat;

namespace WotId.Node.Runtime;

/// <summary>Options of <see cref="WotIdNode"/>.</summary>
public sealed class NodeOptions
{
    /// <summary>
    /// The IOTA node (JSON-RPC) that resolves did:iota DIDs in handshakes (credential issuers); null uses the profile's
    /// IOTA mailbox node when one is set, else did:iota issuers cannot be verified.
    /// </summary>
    public System.Uri? IotaRpc { get; init; }

    /// <summary>Listen addresses; null uses the profile's (<see cref="Profile.Profile.ListenAddresses"/>).</summary>
    public IReadOnlyList<string>? ListenAddresses { get; init; }

    /// <summary>
    /// Bootstrap peers of the wot.id DHT (multiaddrs ending in <c>/p2p/&lt;id&gt;</c>). The node joins the DHT, publishes
    /// its signed record and can resolve DIDs when this is non-empty or <see cref="DhtListenAddresses"/> is set
    /// (docs/discovery.md).
    /// </summary>
    public IReadOnlyList<string> BootstrapPeers { get; init; } = [];

    /// <summary>Where the node's DHT host listens; null: <c>/ip4/0.0.0.0/tcp/0</c> when the DHT runs.</summary>
    public IReadOnlyList<string>? DhtListenAddresses { get; init; }

    /// <summary>
    /// Circuit Relay v2 relays to hold a reservation on (multiaddrs ending in <c>/p2p/&lt;id&gt;</c>; <c>wotid run
    /// --relay</c>). The node keeps each reservation renewed, accepts relayed connections and advertises its
    /// <c>/p2p-circuit</c> addresses in identify, invitations and its DHT record (docs/nat.md "The node").
    /// </summary>
    public IReadOnlyList<string> RelayAddresses { get; init; } = [];

    /// <summary>Serve Circuit Relay v2 hop for others with the default limits (<c>wotid run --relay-service</c>).</summary>
    public bool RelayService { get; init; }

    /// <summary>
    /// Serve AutoNAT v2 (<c>/libp2p/autonat/2/dial-request</c>) on the node's DHT host, so that nodes bootstrapping
    /// from this one learn whether they are publicly reachable (<c>wotid run --autonat-service</c>; docs/nat.md
    /// "Automatic reachability"). Needs the DHT (<see cref="DhtListenAddresses"/> or <see cref="BootstrapPeers"/>).
    /// </summary>
    public bool AutoNatService { get; init; }

    /// <summary>
    /// The AutoNAT service also dials back private and documentation-range addresses (RFC 1918, RFC 5737 …), for
    /// networks that use them as their "public" side (<c>--autonat-allow-private</c>; tests and closed networks).
    /// </summary>
    public bool AutoNatAllowPrivateAddresses { get; init; }

    /// <summary>
    /// Null (the default): with bootstrap peers the node measures its reachability by AutoNAT v2 against those that
    /// offer it, reserves on those that offer Circuit Relay v2 hop unless it is public, and punches holes.
    /// <see cref="Reachability.Public"/> or <see cref="Reachability.Private"/> state it instead (<c>wotid run
    /// --reachability</c>): public takes no automatic reservation, private reserves without asking.
    /// </summary>
    public Reachability? ReachabilityOverride { get; init; }

    /// <summary>
    /// DCUtR hole punching: an inbound relayed connection, once verified, is upgraded to a direct TCP connection
    /// (<c>wotid run --hole-punching</c>).
    /// </summary>
    public bool HolePunching { get; init; }

    /// <summary>
    /// Find and announce peers on the local network with mDNS (<c>_p2p._udp.local</c>; <c>wotid run --mdns</c>);
    /// off by default, because announcing is visible to everyone on the LAN (docs/discovery.md "mDNS in the node").
    /// </summary>
    public bool Mdns { get; init; }

    /// <summary>How often the node republishes its wot.id record (each record is valid for twice this time).</summary>
    public TimeSpan DhtRepublishInterval { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Dial + handshake + acknowledgement must finish within this time, else the message goes to the mailbox.</summary>
    public TimeSpan DirectDeliveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the node claims its own mailbox (it also claims at start).</summary>
    public TimeSpan MailboxPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often queued outgoing messages are retried.</summary>
    public TimeSpan OutboxRetryInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Where status list credentials come from; null: HTTP(S) with a 5-minute cache.</summary>
    public IStatusListProvider? StatusLists { get; init; }

    /// <summary>Handshake timeout.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock; the system clock when null.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Logging; none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Serve <c>/wotid/mailbox/1.0.0</c>: host mailboxes for others in <c>HOME/mailbox/hosted.db</c> (<c>wotid run --host-mailboxes</c>).</summary>
    public bool HostMailboxes { get; init; }

    /// <summary>Quotas and rate limits of the hosted mailboxes; defaults when null.</summary>
    public WotId.Mailbox.Hosted.MailboxHostOptions? MailboxHostLimits { get; init; }

    /// <summary>Plaintext bytes per chunk of the files this node sends (docs/files.md "Limits"; tests use small chunks).</summary>
    internal int FileChunkSize { get; init; } = Files.FileProtocol.DefaultChunkSize;

    /// <summary>The receiver makes received file data durable at least every this many bytes.</summary>
    internal int FileDurableEveryBytes { get; init; } = Files.FileProtocol.DurableEveryBytes;

    /// <summary>… and at least this often, whichever comes first.</summary>
    internal System.TimeSpan FileDurableEveryTime { get; init; } = Files.FileProtocol.DurableEveryTime;

    /// <summary>mDNS settings (tests use another port and group); the standard ones when null.</summary>
    internal WotId.Libp2p.Mdns.MdnsOptions? MdnsOptions { get; init; }

    /// <summary>The first DHT record waits this long at most for the relay reservations, so that it names their circuits.</summary>
    internal TimeSpan FirstPublishRelayWait { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a relay reservation is checked for being live (its expiry and the connection to the relay).</summary>
    internal TimeSpan ReservationCheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the node asks the AutoNAT servers again (go-libp2p refreshes every 15 minutes).</summary>
    internal TimeSpan ReachabilityRecheckInterval { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Servers that must agree on an address; fewer when fewer servers are known (at least one).</summary>
    internal int AutoNatConfirmations { get; init; } = 3;

    /// <summary>A contact whose addresses did not answer is looked up on the DHT at most this often.</summary>
    internal TimeSpan StaleAddressLookupInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>A reservation lost for this long is dropped and taken again from scratch.</summary>
    internal TimeSpan ReservationLostAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Crash tests only: called with a <see cref="FaultPoints"/> name when that step is reached; null does nothing.</summary>
    internal Action<string>? FaultPoint { get; init; }
}
