// Source-generated log messages of the node's relay reservations, hole punching and mDNS (docs/nat.md "The node").
// Peer ids and addresses only.
using System;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.AutoNat;

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

    [LoggerMessage(EventId = 395, Level = LogLevel.Information, Message = "Bootstrap peer {Peer}: AutoNAT v2 service {AutoNat}, relay {Relay}")]
    public static partial void BootstrapOffers(ILogger logger, PeerId peer, bool autoNat, bool relay);

    [LoggerMessage(EventId = 396, Level = LogLevel.Warning, Message = "Bootstrap peer {Peer} is unreachable for the chat host ({Reason})")]
    public static partial void BootstrapUnreachable(ILogger logger, PeerId peer, string reason);

    [LoggerMessage(EventId = 397, Level = LogLevel.Information, Message = "AutoNAT: {Address} asked of {Server}: {Outcome} ({Detail})")]
    public static partial void Checked(ILogger logger, Multiaddress address, PeerId server, AutoNatOutcome outcome, string detail);

    [LoggerMessage(EventId = 398, Level = LogLevel.Warning, Message = "AutoNAT server {Server} could not be asked ({Reason})")]
    public static partial void CheckFailed(ILogger logger, PeerId server, string reason);

    [LoggerMessage(EventId = 399, Level = LogLevel.Information, Message = "Reachability: {State} (public addresses: {Addresses})")]
    public static partial void ReachabilityDecided(ILogger logger, string state, string addresses);

    [LoggerMessage(EventId = 389, Level = LogLevel.Information, Message = "Public now: the reservation on relay {Relay} is released")]
    public static partial void RelayReleased(ILogger logger, PeerId relay);
}
