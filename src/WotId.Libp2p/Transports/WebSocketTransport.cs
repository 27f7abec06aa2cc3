// libp2p/specs websockets/README.md: /ip4|ip6|dns*/HOST/tcp/PORT/ws; the client is System.Net.WebSockets.ClientWebSocket,
// the server a minimal RFC 6455 upgrade (WebSocketUpgrade) on a TCP listener. /wss is not implemented.
using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>The plain WebSocket transport (<c>/ws</c>).</summary>
public sealed class WebSocketTransport : ITransport, IAdmittingTransport
{
    /// <summary>How long an inbound connection may take to send its upgrade request (on the host's clock in a host).</summary>
    public static readonly TimeSpan UpgradeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Most HTTP upgrades in progress at once on a listener outside a host (a host applies its own limits).</summary>
    public const int DefaultMaxPendingUpgrades = 64;

    /// <summary>Most HTTP upgrades in progress at once from one IP address on a listener outside a host.</summary>
    public const int DefaultMaxPendingUpgradesPerIp = 8;

    private readonly ILogger _logger;

    /// <summary>Creates the transport; its listeners log failed upgrades to <paramref name="loggerFactory"/> (default: nowhere).</summary>
    public WebSocketTransport(ILoggerFactory? loggerFactory = null)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("WotId.Libp2p.Transports");
    }

    /// <inheritdoc />
    public bool CanDial(Multiaddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return TcpAddressing.Matches(address, MultiaddrCodes.Ws);
    }

    /// <inheritdoc />
    public bool CanListen(Multiaddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Components.Count == 3 && address.Components[2].Code == MultiaddrCodes.Ws && address.TryGetTcpEndPoint(out _);
    }

    /// <inheritdoc />
    public async Task<TransportConnection> DialAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        if (!CanDial(address))
        {
            throw new TransportException(TransportError.UnsupportedAddress, "not a /ws address: " + address);
        }

        Socket? socket = null;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                socket = await TcpTransport.ConnectAsync(address, ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        var client = new ClientWebSocket();
        client.Options.KeepAliveInterval = TimeSpan.Zero;
        try
        {
            await client.ConnectAsync(BuildUri(address), invoker, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException)
        {
            client.Dispose();
            invoker.Dispose();
            throw FindTransportException(e)
                ?? new TransportException(TransportError.HandshakeFailed, "WebSocket connect to " + address + " failed", e);
        }
        catch
        {
            client.Dispose();
            invoker.Dispose();
            throw;
        }

        try
        {
            return new WebSocketConnection(client, invoker, true, TcpAddressing.ToMultiaddress(socket!.LocalEndPoint, "/ws"), TcpAddressing.ToMultiaddress(socket.RemoteEndPoint, "/ws"));
        }
        catch (SocketException e)
        {
            // The peer reset the connection right after the upgrade.
            client.Dispose();
            invoker.Dispose();
            throw new TransportException(TransportError.ConnectFailed, "WebSocket connection to " + address + " closed right after connect: " + e.SocketErrorCode, e);
        }
    }

    /// <inheritdoc />
    public Task<ITransportListener> ListenAsync(Multiaddress address, CancellationToken cancellationToken) =>
        ((IAdmittingTransport)this).ListenAsync(
            address, new InboundLimiter(DefaultMaxPendingUpgrades, DefaultMaxPendingUpgradesPerIp, TimeProvider.System), cancellationToken);

    /// <inheritdoc />
    Task<ITransportListener> IAdmittingTransport.ListenAsync(Multiaddress address, InboundLimiter limiter, CancellationToken cancellationToken)
    {
        if (!CanListen(address))
        {
            throw new TransportException(TransportError.UnsupportedAddress, "not a /ws listen address: " + address);
        }

        Socket socket = TcpTransport.Bind(address);
        return Task.FromResult<ITransportListener>(new WebSocketTransportListener(socket, TcpAddressing.ToMultiaddress(socket.LocalEndPoint, "/ws"), _logger, limiter));
    }

    private static TransportException? FindTransportException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is TransportException t)
            {
                return t;
            }
        }

        return null;
    }

    private static Uri BuildUri(Multiaddress address)
    {
        MultiaddrComponent host = address.Components[0];
        ReadOnlySpan<byte> p = address.Components[1].RawValue.Span;
        int port = (p[0] << 8) | p[1];
        string h = host.Code == MultiaddrCodes.Ip6 ? "[" + host.Value + "]" : host.Value!;
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"ws://{h}:{port}/"));
    }
}
