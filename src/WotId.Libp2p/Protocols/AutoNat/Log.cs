// Source-generated log messages of AutoNAT v2 (house style point 20): Debug for refused requests and failed dials,
// Information for reachability changes. Peer ids, addresses and statuses only; nonces are never logged.
using System;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.AutoNat;

internal static partial class Log
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Debug, Message = "AutoNAT request from {RemotePeer} rejected: {Reason}")]
    public static partial void AutoNatRejected(ILogger logger, PeerId remotePeer, string reason);

    [LoggerMessage(EventId = 301, Level = LogLevel.Debug, Message = "AutoNAT dial back to {Address} failed")]
    public static partial void AutoNatDialFailed(ILogger logger, Multiaddress address, Exception error);

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, Message = "AutoNAT request from {RemotePeer} for {Address}: {Status}")]
    public static partial void AutoNatServed(ILogger logger, PeerId remotePeer, Multiaddress address, AutoNatDialStatus status);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "AutoNAT: {Address} is {State} ({Successes} reachable, {Failures} unreachable)")]
    public static partial void ReachabilityChanged(ILogger logger, Multiaddress address, Reachability state, int successes, int failures);

    [LoggerMessage(EventId = 304, Level = LogLevel.Debug, Message = "AutoNAT dial back with an unknown nonce from {RemotePeer} ignored")]
    public static partial void UnknownNonce(ILogger logger, PeerId remotePeer);
}
