// libp2p/specs connections/README.md, "Transports": the listening side of TcpTransport.
using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>A bound TCP listener.</summary>
internal sealed class TcpTransportListener : ITransportListener
{
    private readonly Socket _socket;
    private int _disposed;

    public TcpTransportListener(Socket socket, Multiaddress localAddress)
    {
        _socket = socket;
        LocalAddress = localAddress;
    }

    public Multiaddress LocalAddress { get; }

    public async Task<TransportConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        Socket accepted = await AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new TcpConnection(accepted, false, TcpAddressing.ToMultiaddress(accepted.LocalEndPoint), TcpAddressing.ToMultiaddress(accepted.RemoteEndPoint));
        }
        catch (SocketException e)
        {
            // A client that resets right after connecting must not end the accept loop.
            accepted.Dispose();
            throw new TransportException(TransportError.ConnectFailed, "accepted TCP connection closed at once: " + e.SocketErrorCode, e);
        }
    }

    internal async Task<Socket> AcceptSocketAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        try
        {
            Socket accepted = await _socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            accepted.NoDelay = true;
            return accepted;
        }
        catch (SocketException) when (_disposed != 0)
        {
            throw new ObjectDisposedException(nameof(TcpTransportListener));
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _socket.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    public override string ToString() => "TCP listener " + LocalAddress;
}
