// Source-generated log messages of the node's relay reservations, hole punching and mDNS (docs/nat.md "The node").
// Peer ids and addresses only.
using System;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Peer;

namespace WotId.Node.Runtime;

internal static partial class ReachabilityLog
{
    [LoggerMessage(EventId = 390, Level = LogLevel.Information, Message = "Reserved on relay {Relay}; reachable at {Addresses}")]
    public static partial void Reserved(ILogger logger, PeerId relay, string addresses);

    [LoggerMessage(EventId = 391, Level = LogLevel.Warning, Message = "Reserving on relay {Relay} failed ({Reason}); retrying in {Retry}")]
    public static partial void ReserveFailed(ILogger logger, PeerId relay, string reason, TimeSpan retry);

    [LoggerMessage(EventId = 392, Level = LogLevel.Information, Message = "The reservation on relay {Relay} is lost; its circuit addresses are withdrawn")]
    public static partial void ReservationLost(ILogger logger, PeerId relay);

    [LoggerMessage(EventId = 393, Level = LogLevel.Information, Message = "mDNS: {Peer} found on the local network at {Addresses}")]
    public static partial void MdnsFound(ILogger logger, PeerId peer, string addresses);

    [LoggerMessage(EventId = 394, Level = LogLevel.Warning, Message = "mDNS cannot run on this machine; peers on the LAN are not discovered")]
    public static partial void MdnsUnavailable(ILogger logger, Exception error);
}
