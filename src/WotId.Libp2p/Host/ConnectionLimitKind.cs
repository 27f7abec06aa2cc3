// The connection limits of a host (see Libp2pHostOptions and the README's "Limits" table).
namespace WotId.Libp2p.Host;

/// <summary>Which connection limit refused a connection.</summary>
public enum ConnectionLimitKind
{
    /// <summary><see cref="Libp2pHostOptions.MaxInboundConnections"/>: established inbound connections.</summary>
    InboundConnections,

    /// <summary><see cref="Libp2pHostOptions.MaxOutboundConnections"/>: established and dialling outbound connections.</summary>
    OutboundConnections,

    /// <summary><see cref="Libp2pHostOptions.MaxPendingInbound"/>: inbound connections still in their upgrade.</summary>
    PendingInbound,

    /// <summary><see cref="Libp2pHostOptions.MaxInboundPerIp"/>: upgrading inbound connections from one IP address.</summary>
    PendingInboundPerIp,

    /// <summary><see cref="Libp2pHostOptions.MaxConnectionsPerPeer"/>: connections to one peer.</summary>
    ConnectionsPerPeer,
    /// <summary><see cref="Resources.ResourceLimits.MaxInboundPerSubnet"/>: upgrading inbound connections from one /24 or /64.</summary>
    PendingInboundPerSubnet,
}
