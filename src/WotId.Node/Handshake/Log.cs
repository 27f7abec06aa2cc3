// Source-generated log messages of the handshake. Levels: Trace for the steps of one run (message sent, received,
// checked: to profile where a setup's time goes), Debug for a peer's failed handshake and for verified
// peers, Warning for the unverified-connection limit. Peer ids and reason tokens only: never presentations, keys
// or the channel binding.
using System;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Peer;

namespace WotId.Node.Handshake;

internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Handshake with {RemotePeer} succeeded (initiator: {IsInitiator})")]
    public static partial void Verified(ILogger logger, PeerId remotePeer, bool isInitiator);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "Handshake with {RemotePeer} failed: {Reason} (reported by the peer: {ReportedByPeer}): {Detail}")]
    public static partial void Failed(ILogger logger, PeerId remotePeer, HandshakeFailureReason reason, bool reportedByPeer, string detail);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Closed the connection to {RemotePeer}: {Limit} connections are already unverified")]
    public static partial void OverLimit(ILogger logger, PeerId remotePeer, int limit);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Refused a second handshake stream from {RemotePeer}")]
    public static partial void DuplicateStream(ILogger logger, PeerId remotePeer);

    [LoggerMessage(EventId = 105, Level = LogLevel.Debug, Message = "Holding the connection to {RemotePeer} without a handshake: infrastructure (initiator: {IsInitiator}); only pre-verification protocols are served")]
    public static partial void Held(ILogger logger, PeerId remotePeer, bool isInitiator);

    [LoggerMessage(EventId = 106, Level = LogLevel.Trace, Message = "Handshake step {Step} (initiator: {IsInitiator})")]
    public static partial void Step(ILogger logger, string step, bool isInitiator);
}
