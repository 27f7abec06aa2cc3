// Connection lifecycle events of the host (rust-libp2p swarm's ConnectionEstablished / ConnectionClosed, plus the
// identify and gate steps of this host).
namespace WotId.Libp2p.Host;

/// <summary>What happened to a connection.</summary>
public enum HostEventKind
{
    /// <summary>The upgrade (Noise, Yamux) finished; the connection is registered.</summary>
    ConnectionOpened,

    /// <summary>Identify completed; <see cref="Libp2pConnection.Identified"/> holds the peer's message.</summary>
    Identified,

    /// <summary>Identify failed or timed out; <see cref="HostEvent.Error"/> says why (the connection stays open).</summary>
    IdentifyFailed,

    /// <summary>The gate decided to hold: only identify, ping and the pre-verification protocols are served.</summary>
    Gated,

    /// <summary>The gate opened: every protocol is served.</summary>
    GateOpened,

    /// <summary>The connection closed; <see cref="HostEvent.Reason"/> and <see cref="HostEvent.Error"/> say why.</summary>
    ConnectionClosed,

    /// <summary>
    /// An AutoNAT verdict changed the reachability of one of our addresses; <see cref="HostEvent.Reason"/> says which
    /// and how ("ADDRESS is public"), the connection is that of the server whose answer tipped it.
    /// </summary>
    ReachabilityChanged,
}
