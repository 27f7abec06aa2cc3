// Source-generated log messages of the host (house style point 20). Levels: Debug for what a peer did wrong or a
// connection's normal life, Warning for resource limits, Error only for bugs (a throwing gate or handler, a faulted
// background task). Messages carry peer ids, addresses and protocol ids, never key material.
using System;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Host;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Connection to {RemotePeer} via {RemoteAddress} opened (initiator: {IsInitiator})")]
    public static partial void ConnectionOpened(ILogger logger, PeerId remotePeer, Multiaddress remoteAddress, bool isInitiator);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Connection to {RemotePeer} closed: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, PeerId remotePeer, string reason, Exception? error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Inbound upgrade from {RemoteAddress} failed")]
    public static partial void InboundUpgradeFailed(ILogger logger, Multiaddress remoteAddress, Exception error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Accepting a connection on {ListenAddress} failed")]
    public static partial void AcceptFailed(ILogger logger, Multiaddress listenAddress, Exception error);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Refused inbound connection from {RemoteAddress}: {LimitKind} limit of {Limit} reached")]
    public static partial void InboundRefused(ILogger logger, Multiaddress remoteAddress, ConnectionLimitKind limitKind, int limit);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Closed a new connection to {RemotePeer}: limit of {Limit} connections per peer reached")]
    public static partial void PeerOverLimit(ILogger logger, PeerId remotePeer, int limit);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Inbound stream from {RemotePeer} failed protocol negotiation")]
    public static partial void NegotiationFailed(ILogger logger, PeerId remotePeer, Exception error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Debug, Message = "Refused {Protocol} from {RemotePeer} with multistream na: the connection gate is shut")]
    public static partial void ProtocolGated(ILogger logger, string protocol, PeerId remotePeer);

    [LoggerMessage(EventId = 9, Level = LogLevel.Trace, Message = "Peer {RemotePeer} proposed {Protocol}, which is not served (na)")]
    public static partial void ProtocolUnsupported(ILogger logger, PeerId remotePeer, string protocol);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "Handler of {Protocol} for {RemotePeer} ended with an I/O or protocol error; stream reset")]
    public static partial void HandlerIoFailed(ILogger logger, string protocol, PeerId remotePeer, Exception error);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Handler of {Protocol} for {RemotePeer} threw; stream reset")]
    public static partial void HandlerFailed(ILogger logger, string protocol, PeerId remotePeer, Exception error);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "Identify with {RemotePeer} failed")]
    public static partial void IdentifyFailed(ILogger logger, PeerId remotePeer, Exception error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Identify with {RemotePeer} done ({Agent})")]
    public static partial void Identified(ILogger logger, PeerId remotePeer, string? agent);

    [LoggerMessage(EventId = 14, Level = LogLevel.Debug, Message = "Connection gate holds {RemotePeer}")]
    public static partial void GateHeld(ILogger logger, PeerId remotePeer);

    [LoggerMessage(EventId = 15, Level = LogLevel.Debug, Message = "Connection gate opened for {RemotePeer}")]
    public static partial void GateOpened(ILogger logger, PeerId remotePeer);

    [LoggerMessage(EventId = 16, Level = LogLevel.Error, Message = "Connection gate threw for {RemotePeer}; closing the connection")]
    public static partial void GateFailed(ILogger logger, PeerId remotePeer, Exception error);

    [LoggerMessage(EventId = 17, Level = LogLevel.Debug, Message = "Identify push to {RemotePeer} failed")]
    public static partial void PushFailed(ILogger logger, PeerId remotePeer, Exception error);

    [LoggerMessage(EventId = 18, Level = LogLevel.Error, Message = "A background task of the host failed")]
    public static partial void TaskFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 19, Level = LogLevel.Trace, Message = "Host event {Kind} for {RemotePeer} pushed out an older one ({Dropped} dropped so far)")]
    public static partial void EventDropped(ILogger logger, HostEventKind kind, PeerId remotePeer, long dropped);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Refused to dial {Address}: outbound connection limit of {Limit} reached")]
    public static partial void OutboundRefused(ILogger logger, Multiaddress address, int limit);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Resource limit {Limit} ({Scope} scope, {Value}) refused {Subject} ({Count} refusals so far)")]
    public static partial void ResourceRefused(ILogger logger, Resources.ResourceScope scope, Resources.ResourceLimitKind limit, long value, string subject, long count);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Connection manager closed {Closed} of {Open} connections (low water {LowWater})")]
    public static partial void Trimmed(ILogger logger, int closed, int open, int lowWater);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Host {LocalPeer} listening on {ListenAddress}")]
    public static partial void Listening(ILogger logger, PeerId localPeer, Multiaddress listenAddress);
}
