// Source-generated log messages of the transports (house style point 20): Debug for what one client did, Warning for
// accept failures that may mean resource trouble (descriptors, memory). No payload bytes are ever logged.
using System;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Accept on {ListenAddress} failed")]
    public static partial void AcceptFailed(ILogger logger, Multiaddress listenAddress, Exception error);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "WebSocket upgrade of a client of {ListenAddress} failed")]
    public static partial void UpgradeFailed(ILogger logger, Multiaddress listenAddress, Exception error);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Refused a WebSocket client of {ListenAddress} before its upgrade: {Refusal} limit of {Limit} reached")]
    public static partial void UpgradeRefused(ILogger logger, Multiaddress listenAddress, InboundRefusal refusal, int limit);
}
