// libp2p/specs connections/README.md, "Transports": TCP over IPv4 and IPv6 with TCP_NODELAY, /tcp/0 picking a port.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>The TCP transport: <c>/ip4|ip6|dns|dns4|dns6/HOST/tcp/PORT</c>.</summary>
public sealed class TcpTransport : ITransport
{
    /// <summary>Listen backlog.</summary>
    public const int Backlog = 512;

    /// <summary>
    /// Bind listeners with SO_REUSEADDR and SO_REUSEPORT so that a hole punch can dial from the listen port
    /// (libp2p/specs connections/hole-punching.md; TCP simultaneous open needs both sides on their listen ports).
    /// </summary>
    public bool ReusePort { get; init; }

    /// <inheritdoc />
    public bool CanDial(Multiaddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return TcpAddressing.Matches(address);
    }

    /// <inheritdoc />
    public bool CanListen(Multiaddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Components.Count == 2 && address.TryGetTcpEndPoint(out _);
    }

    /// <inheritdoc />
    public async Task<TransportConnection> DialAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        if (!CanDial(address))
        {
            throw new TransportException(TransportError.UnsupportedAddress, "not a TCP address: " + address);
        }

        Socket socket = await ConnectAsync(address, cancellationToken).ConfigureAwait(false);
        try
        {
            // The peer may already have reset the connection (e.g. its connection limit): reading the endpoints
            // then fails, and that is a dial failure like any other.
            return new TcpConnection(socket, true, TcpAddressing.ToMultiaddress(socket.LocalEndPoint), TcpAddressing.ToMultiaddress(socket.RemoteEndPoint));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TransportException(TransportError.ConnectFailed, "TCP connection to " + address + " closed right after connect: " + e.SocketErrorCode, e);
        }
    }

    /// <inheritdoc />
    public Task<ITransportListener> ListenAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        if (!CanListen(address))
        {
            throw new TransportException(TransportError.UnsupportedAddress, "not a TCP listen address: " + address);
        }

        Socket socket = Bind(address, ReusePort);
        return Task.FromResult<ITransportListener>(new TcpTransportListener(socket, TcpAddressing.ToMultiaddress(socket.LocalEndPoint)));
    }

    internal static async Task<Socket> ConnectAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        IPEndPoint endPoint = await TcpAddressing.ResolveAsync(address, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TransportException(TransportError.ConnectFailed, "TCP connect to " + endPoint + " failed: " + e.SocketErrorCode, e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Connects to <paramref name="remote"/> from <paramref name="local"/> (a listen endpoint bound with
    /// <see cref="ReusePort"/>): one attempt of a TCP simultaneous open.
    /// </summary>
    internal static async Task<TransportConnection> DialFromAsync(IPEndPoint local, IPEndPoint remote, CancellationToken cancellationToken)
    {
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            SetReusePort(socket);
            socket.Bind(local);
            await socket.ConnectAsync(remote, cancellationToken).ConfigureAwait(false);
            return new TcpConnection(socket, true, TcpAddressing.ToMultiaddress(socket.LocalEndPoint), TcpAddressing.ToMultiaddress(socket.RemoteEndPoint));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TransportException(TransportError.ConnectFailed, "TCP connect from " + local + " to " + remote + " failed: " + e.SocketErrorCode, e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static Socket Bind(Multiaddress address, bool reusePort = false)
    {
        address.TryGetTcpEndPoint(out IPEndPoint? endPoint);
        var socket = new Socket(endPoint!.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (reusePort)
            {
                SetReusePort(socket);
            }

            if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(endPoint);
            socket.Listen(Backlog);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TransportException(TransportError.ListenFailed, "cannot listen on " + endPoint + ": " + e.SocketErrorCode, e);
        }
    }

    /// <summary>SO_REUSEADDR, and on Linux SO_REUSEPORT (SOL_SOCKET = 1, SO_REUSEPORT = 15), which .NET has no option for.</summary>
    private static void SetReusePort(Socket socket)
    {
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        if (OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(1, 15, BitConverter.GetBytes(1));
        }
    }
}
