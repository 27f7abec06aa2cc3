// Source-generated log messages of the node's DHT (docs/discovery.md). Peer ids, counts and error codes only.
using System;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Peer;

namespace WotId.Node.Runtime;

internal static partial class DiscoveryLog
{
    [LoggerMessage(EventId = 380, Level = LogLevel.Information, Message = "DHT host {PeerId} listens on {Addresses} addresses; {Peers} peers after bootstrap")]
    public static partial void DhtStarted(ILogger logger, PeerId peerId, int addresses, int peers);

    [LoggerMessage(EventId = 381, Level = LogLevel.Warning, Message = "DHT bootstrap failed; the node stays reachable by invitation only until a refresh finds peers")]
    public static partial void BootstrapFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 382, Level = LogLevel.Debug, Message = "Published the wot.id record (sequence {Sequence}) to {Peers} DHT peers")]
    public static partial void Published(ILogger logger, ulong sequence, int peers);

    [LoggerMessage(EventId = 383, Level = LogLevel.Warning, Message = "Publishing the wot.id record failed; retried at the next interval")]
    public static partial void PublishFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 384, Level = LogLevel.Information, Message = "No stored address of {Contact} answered; its DHT record names {Addresses}, tried now")]
    public static partial void AddressesRefreshed(ILogger logger, string contact, string addresses);

    [LoggerMessage(EventId = 385, Level = LogLevel.Information, Message = "No stored address of {Contact} answered, and its DID could not be looked up ({Reason})")]
    public static partial void StaleLookupFailed(ILogger logger, string contact, string reason);
}
