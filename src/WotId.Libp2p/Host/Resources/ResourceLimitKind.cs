// Every limit of the host's resource manager, named so a refusal says exactly which one (see the Libp2p README's
// "Limits" table for the defaults).
namespace WotId.Libp2p.Host.Resources;

/// <summary>Which limit refused a connection, a stream or memory.</summary>
public enum ResourceLimitKind
{
    /// <summary><see cref="Libp2pHostOptions.MaxInboundConnections"/> (system).</summary>
    InboundConnections,

    /// <summary><see cref="Libp2pHostOptions.MaxOutboundConnections"/> (system).</summary>
    OutboundConnections,

    /// <summary><see cref="Libp2pHostOptions.MaxPendingInbound"/> (system).</summary>
    PendingInbound,

    /// <summary><see cref="Libp2pHostOptions.MaxInboundPerIp"/> (transient).</summary>
    PendingInboundPerIp,

    /// <summary><see cref="ResourceLimits.MaxInboundPerSubnet"/> (transient).</summary>
    PendingInboundPerSubnet,

    /// <summary><see cref="Libp2pHostOptions.MaxConnectionsPerPeer"/> (peer).</summary>
    ConnectionsPerPeer,

    /// <summary><see cref="ResourceLimits.MaxStreams"/> (system).</summary>
    SystemStreams,

    /// <summary><see cref="ResourceLimits.MaxTransientStreams"/> (transient).</summary>
    TransientStreams,

    /// <summary><see cref="ResourceLimits.MaxStreamsPerPeer"/> (peer).</summary>
    PeerStreams,

    /// <summary><see cref="ResourceLimits.MaxStreamsPerProtocol"/> or a per-protocol override (protocol).</summary>
    ProtocolStreams,

    /// <summary>
    /// Yamux <c>MaxInboundStreams</c> or <c>AcceptBacklog</c> of one connection, or its <c>MaxOutboundStreams</c> for
    /// a stream of ours (connection).
    /// </summary>
    ConnectionStreams,

    /// <summary><see cref="ResourceLimits.MaxMemory"/>: receive windows of all connections (system).</summary>
    SystemMemory,
}
