using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Relay;

/// <summary>
/// TCP whose dials leave from a chosen local IP (any of 127/8 on Linux), so tests on one machine can show a server
/// many source IPs. Real sockets; listening is plain <see cref="TcpTransport"/>.
/// </summary>
internal sealed class SourceBoundTcpTransport(IPAddress source) : ITransport
{
    private readonly TcpTransport _tcp = new();

    public bool CanDial(Multiaddress address) => _tcp.CanDial(address);

    public bool CanListen(Multiaddress address) => _tcp.CanListen(address);

    public Task<ITransportListener> ListenAsync(Multiaddress address, CancellationToken cancellationToken) => _tcp.ListenAsync(address, cancellationToken);

    public async Task<TransportConnection> DialAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        address.TryGetTcpEndPoint(out IPEndPoint? remote);
        var socket = new Socket(remote!.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(remote, cancellationToken);
            return new TcpConnection(socket, true, TcpAddressing.ToMultiaddress(socket.LocalEndPoint), TcpAddressing.ToMultiaddress(socket.RemoteEndPoint));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new TransportException(TransportError.ConnectFailed, "dial from " + source + " failed: " + e.Message);
        }
    }
}
