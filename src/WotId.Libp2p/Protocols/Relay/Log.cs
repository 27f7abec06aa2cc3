// Source-generated log messages of Circuit Relay v2 and DCUtR (house style point 20): Debug for a peer's refused or
// failed request and a circuit's normal life, Information for reservations and hole punches. Peer ids and statuses
// only, never key material.
using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.Relay;

internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Relay refused {RemotePeer}: {Status} ({Detail})")]
    public static partial void HopRejected(ILogger logger, PeerId remotePeer, RelayStatus status, string detail);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Relay granted {RemotePeer} a reservation until {Expire}")]
    public static partial void ReservationGranted(ILogger logger, PeerId remotePeer, ulong expire);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Relay circuit {Source} -> {Target} opened")]
    public static partial void CircuitOpened(ILogger logger, PeerId source, PeerId target);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "Relay circuit {Source} -> {Target} closed (clean: {Clean})")]
    public static partial void CircuitClosed(ILogger logger, PeerId source, PeerId target, bool clean);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Reservation on relay {Relay} until {Expire}")]
    public static partial void Reserved(ILogger logger, PeerId relay, DateTimeOffset expire);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Renewing the reservation on relay {Relay} failed")]
    public static partial void RenewFailed(ILogger logger, PeerId relay, Exception error);

    [LoggerMessage(EventId = 106, Level = LogLevel.Debug, Message = "Inbound relayed connection from {RemotePeer} refused or failed")]
    public static partial void StopFailed(ILogger logger, PeerId remotePeer, Exception error);

    [LoggerMessage(EventId = 107, Level = LogLevel.Debug, Message = "Reservation voucher from relay {Relay} rejected")]
    public static partial void BadVoucher(ILogger logger, PeerId relay, Exception error);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "Hole punch with {RemotePeer}: {Outcome} (attempt {Attempt})")]
    public static partial void HolePunch(ILogger logger, PeerId remotePeer, string outcome, int attempt);

    [LoggerMessage(EventId = 109, Level = LogLevel.Trace, Message = "Hole punch dial from {Local} to {Remote} failed")]
    public static partial void PunchDialFailed(ILogger logger, System.Net.IPEndPoint local, System.Net.IPEndPoint remote, Exception error);

    [LoggerMessage(EventId = 110, Level = LogLevel.Debug, Message = "DCUtR CONNECT {Direction} {RemotePeer}: {Addresses}")]
    public static partial void DcutrConnect(ILogger logger, string direction, PeerId remotePeer, IEnumerable<Multiaddr.Multiaddress> addresses);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Hole punch with {RemotePeer}: the direct connection is {Path} ({Remote})")]
    public static partial void HolePunchPath(ILogger logger, PeerId remotePeer, string path, Multiaddr.Multiaddress remote);

    [LoggerMessage(EventId = 113, Level = LogLevel.Debug, Message = "DCUtR SYNC sent to {RemotePeer} (relayed RTT {RttMs} ms)")]
    public static partial void DcutrSyncSent(ILogger logger, PeerId remotePeer, long rttMs);

    [LoggerMessage(EventId = 114, Level = LogLevel.Debug, Message = "DCUtR SYNC received from {RemotePeer}")]
    public static partial void DcutrSyncReceived(ILogger logger, PeerId remotePeer);

    [LoggerMessage(EventId = 112, Level = LogLevel.Debug, Message = "DCUtR SYNC from {RemotePeer}: a direct connection exists already, no dial")]
    public static partial void PunchNotNeeded(ILogger logger, PeerId remotePeer);
}
