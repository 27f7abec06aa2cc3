// The scopes of the host's resource manager, after go-libp2p's (core/network/rcmgr.go): every limit belongs to one.
namespace WotId.Libp2p.Host.Resources;

/// <summary>Where a resource limit applies.</summary>
public enum ResourceScope
{
    /// <summary>The whole host.</summary>
    System,

    /// <summary>
    /// Connections not yet verified (pending inbound upgrades, and established connections whose gate is still shut),
    /// with the per-IP and per-subnet admission limits.
    /// </summary>
    Transient,

    /// <summary>All connections and streams of one remote peer.</summary>
    Peer,

    /// <summary>Inbound streams of one protocol.</summary>
    Protocol,

    /// <summary>One connection (its Yamux session's stream and receive-buffer limits).</summary>
    Connection,

    /// <summary>One stream (its Yamux window).</summary>
    Stream,
}
