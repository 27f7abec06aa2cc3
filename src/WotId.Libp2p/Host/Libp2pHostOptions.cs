// Settings of a libp2p host: limits and timeouts follow js-libp2p and go-libp2p (upgrade 10-15 s, negotiation 10 s,
// identify 5 s) and the yamux defaults of libp2p/specs yamux/README.md.
using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Ping;
using WotId.Libp2p.Transports;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Host;

/// <summary>Configuration of a <see cref="Libp2pHost"/>.</summary>
public sealed class Libp2pHostOptions
{
    /// <summary>Creates options for <paramref name="identity"/> (the host does not dispose it).</summary>
    public Libp2pHostOptions(PeerIdentity identity)
    {
        Identity = identity ?? throw new ArgumentNullException(nameof(identity));
    }

    /// <summary>Our identity.</summary>
    public PeerIdentity Identity { get; }

    /// <summary>Addresses to listen on (e.g. <c>/ip4/127.0.0.1/tcp/0</c>, <c>/ip4/127.0.0.1/tcp/0/ws</c>).</summary>
    public IReadOnlyList<Multiaddress> ListenAddresses { get; init; } = [];

    /// <summary>Transports; default TCP and WebSocket.</summary>
    public IReadOnlyList<ITransport>? Transports { get; init; }

    /// <summary>Identify's agentVersion.</summary>
    public string AgentVersion { get; init; } = "wotid/0.1";

    /// <summary>Identify's protocolVersion (js sends "ipfs/0.1.0").</summary>
    public string ProtocolVersion { get; init; } = "ipfs/0.1.0";

    /// <summary>
    /// Most established inbound connections (default 1024). Further inbound connections are dropped before their
    /// handshake. Outbound connections have their own limit, so inbound pressure never fails our own dials.
    /// </summary>
    public int MaxInboundConnections { get; init; } = 1024;

    /// <summary>Most outbound connections, established or being dialled (default 256).</summary>
    public int MaxOutboundConnections { get; init; } = 256;

    /// <summary>
    /// Most inbound connections still in their upgrade (TCP or WebSocket accepted, Noise and muxer not done; default 64).
    /// They do not count against <see cref="MaxInboundConnections"/> until the upgrade succeeds.
    /// </summary>
    public int MaxPendingInbound { get; init; } = 64;

    /// <summary>
    /// Most inbound connections in their upgrade from one IP address (default 8). Loopback is not exempt; tests that
    /// open many local connections at once raise it.
    /// </summary>
    public int MaxInboundPerIp { get; init; } = 8;

    /// <summary>Stream, memory and per-subnet limits of the resource manager (see <see cref="ResourceLimits"/>).</summary>
    public ResourceLimits Resources { get; init; } = ResourceLimits.Default;

    /// <summary>Water marks and grace period of the connection manager (see <see cref="ConnectionManager"/>).</summary>
    public ConnectionManagerOptions ConnectionManager { get; init; } = ConnectionManagerOptions.Default;

    /// <summary>Most connections to one peer.</summary>
    public int MaxConnectionsPerPeer { get; init; } = 8;

    /// <summary>Close a connection without streams after this long; <see cref="TimeSpan.Zero"/> keeps it.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Limit for transport + multistream + Noise + muxer selection.</summary>
    public TimeSpan UpgradeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Limit for multistream-select on a new stream.</summary>
    public TimeSpan NegotiationTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Limit for served ping streams: each 32-byte payload must arrive, and its echo be written, within this time, or the
    /// stream is reset (default 10 s, go-libp2p's ping timeout). A peer cannot keep a connection busy with an idle ping stream.
    /// </summary>
    public TimeSpan PingTimeout { get; init; } = PingProtocol.DefaultTimeout;

    /// <summary>
    /// Limit for the identify exchange on a new connection, and for every served identify and identify/push stream
    /// (writing our message and seeing the requester close; reading a push to its end); a stream over it is reset.
    /// </summary>
    public TimeSpan IdentifyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Offer <c>/yamux/1.0.0</c> inside the Noise handshake (early muxer negotiation, as js and go do).</summary>
    public bool EarlyMuxerNegotiation { get; init; } = true;

    /// <summary>Serve <c>/perf/1.0.0</c>.</summary>
    public bool ServePerf { get; init; }

    /// <summary>Yamux settings for every connection (their clock defaults to <see cref="TimeProvider"/>).</summary>
    public YamuxOptions Yamux { get; init; } = YamuxOptions.Default;

    /// <summary>
    /// Decides when a connection's protocols open (see <see cref="IConnectionGate"/>); null serves every protocol on
    /// every connection from the start.
    /// </summary>
    public IConnectionGate? ConnectionGate { get; init; }

    /// <summary>
    /// The clock of every host timer: upgrade, negotiation and identify timeouts, the idle timer, event timestamps, the
    /// peer record's seq, and (unless <see cref="YamuxOptions.TimeProvider"/> is set) Yamux keep-alive.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the host, its connections and its default transports log (default: nowhere).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>
    /// Capacity of the event queue read by <see cref="Libp2pHost.ReadEventsAsync"/> (default 256). When it is full the
    /// oldest event is dropped and <see cref="Libp2pHost.DroppedEventCount"/> grows; the host never waits for a reader.
    /// </summary>
    public int EventCapacity { get; init; } = 256;

    /// <summary>
    /// Serve <c>/libp2p/circuit/relay/0.2.0/hop</c> as a Circuit Relay v2 relay with these limits; null (default) does
    /// not relay for others.
    /// </summary>
    public Protocols.Relay.RelayServiceOptions? RelayService { get; init; }

    /// <summary>
    /// Accept inbound relayed connections (<c>/libp2p/circuit/relay/0.2.0/stop</c>) from the start. Taking a
    /// reservation (<see cref="Libp2pHost.ReserveAsync"/>) turns this on anyway.
    /// </summary>
    public bool AcceptRelayedConnections { get; init; }

    /// <summary>
    /// Serve <c>/libp2p/dcutr</c> and, on an inbound relayed connection, try to upgrade it to a direct TCP connection
    /// by a coordinated simultaneous open (libp2p/specs relay/DCUtR.md). TCP listeners then bind with SO_REUSEPORT.
    /// </summary>
    public bool HolePunching { get; init; }

    /// <summary>
    /// Serve AutoNAT v2 (<c>/libp2p/autonat/2/dial-request</c>) with these limits: dial peers back to tell them whether
    /// their addresses are reachable. Null (default) does not serve it; the client side and the dial-back protocol are
    /// always available.
    /// </summary>
    public Protocols.AutoNat.AutoNatServiceOptions? AutoNatService { get; init; }

    /// <summary>
    /// Distinct AutoNAT servers that must agree before an address counts as public or private (default 3; the spec
    /// suggests more than 3, js-libp2p uses 4 successes or 8 failures).
    /// </summary>
    public int AutoNatConfirmations { get; init; } = 3;

    /// <summary>
    /// Ask every newly identified peer that serves AutoNAT v2 about our <see cref="Libp2pHost.ReachabilityCandidates"/>
    /// (as js-libp2p does on connect): addresses already decided, or already judged by that server, are skipped; at
    /// most 4 such probes run at once. Default false: reachability is then only learned through explicit checks.
    /// </summary>
    public bool AutoNatProbe { get; init; }
}
