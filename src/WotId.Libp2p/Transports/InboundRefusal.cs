// Which admission limit refused a pending inbound connection (see InboundLimiter).
namespace WotId.Libp2p.Transports;

/// <summary>Why an inbound connection was refused before its upgrade.</summary>
internal enum InboundRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>Too many inbound connections are upgrading at once.</summary>
    PendingInbound,

    /// <summary>Too many inbound connections from the same IP address are upgrading at once.</summary>
    PendingInboundPerIp,

    /// <summary>Too many inbound connections from the same subnet (/24 IPv4, /64 IPv6) are upgrading at once.</summary>
    PendingInboundPerSubnet,
}
