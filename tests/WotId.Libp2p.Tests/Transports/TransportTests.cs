// TCP and WebSocket transports (libp2p/specs connections/README.md, websockets/README.md; RFC 6455 §4.2) on real
// loopback sockets.
using System;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Transports;

namespace WotId.Libp2p.Tests.Transports;

public sealed class TransportTests
{
    [Theory]
    [InlineData("/ip4/127.0.0.1/tcp/1", true, false)]
    [InlineData("/ip6/::1/tcp/1", true, false)]
    [InlineData("/dns4/localhost/tcp/1", true, false)]
    [InlineData("/ip4/127.0.0.1/tcp/1/p2p/12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq", true, false)]
    [InlineData("/ip4/127.0.0.1/tcp/1/ws", false, true)]
    [InlineData("/ip4/127.0.0.1/tcp/1/ws/p2p/12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq", false, true)]
    [InlineData("/ip4/127.0.0.1/tcp/1/wss", false, false)]
    [InlineData("/ip4/127.0.0.1/udp/1/quic-v1", false, false)]
    [InlineData("/ip4/127.0.0.1/tcp/1/p2p-circuit", false, false)]
    public void CanDialMatchesTheAddressShape(string address, bool tcp, bool ws)
    {
        Multiaddress a = Multiaddress.Parse(address);
        Assert.Equal(tcp, new TcpTransport().CanDial(a));
        Assert.Equal(ws, new WebSocketTransport().CanDial(a));
    }

    [Fact]
    public async Task TcpPortZeroPicksAPortAndAddressesMatch()
    {
        var ct = ConnectedPairs.Timeout();
        var tcp = new TcpTransport();
        await using ITransportListener listener = await tcp.ListenAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), ct);
        Assert.True(listener.LocalAddress.TryGetTcpEndPoint(out var ep));
        Assert.NotEqual(0, ep!.Port);
        Task<TransportConnection> accept = listener.AcceptAsync(ct);
        await using TransportConnection dialer = await tcp.DialAsync(listener.LocalAddress, ct);
        await using TransportConnection accepted = await accept;
        Assert.True(dialer.IsInitiator);
        Assert.False(accepted.IsInitiator);
        Assert.Equal(listener.LocalAddress, dialer.RemoteAddress);
        Assert.Equal(dialer.LocalAddress, accepted.RemoteAddress);
    }

    [Fact]
    public async Task TcpClientsThatResetAtOnceOnlyEverCauseTransportExceptions()
    {
        var ct = ConnectedPairs.Timeout();
        var tcp = new TcpTransport();
        await using ITransportListener listener = await tcp.ListenAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), ct);
        Assert.True(listener.LocalAddress.TryGetTcpEndPoint(out var ep));
        for (int i = 0; i < 50; i++)
        {
            // Connect, then close with RST (linger 0) before the listener looks at the socket.
            using (var rude = new Socket(SocketType.Stream, ProtocolType.Tcp))
            {
                await rude.ConnectAsync(ep!, ct);
                rude.LingerState = new LingerOption(true, 0);
            }

            try
            {
                await using TransportConnection accepted = await listener.AcceptAsync(ct);
            }
            catch (TransportException e)
            {
                Assert.Equal(TransportError.ConnectFailed, e.Error);
            }
        }

        // The listener still serves a well-behaved client.
        Task<TransportConnection> accept = listener.AcceptAsync(ct);
        await using TransportConnection dialer = await tcp.DialAsync(listener.LocalAddress, ct);
        await using TransportConnection good = await accept;
        Assert.Equal(dialer.LocalAddress, good.RemoteAddress);
    }

    [Fact]
    public async Task TcpWorksOverIpv6Loopback()
    {
        if (!Socket.OSSupportsIPv6)
        {
            Assert.Skip("IPv6 is not available on this machine");
        }

        var ct = ConnectedPairs.Timeout();
        (TransportConnection a, TransportConnection b) = await ConnectedPairs.CreateAsync(new TcpTransport(), "/ip6/::1/tcp/0", ct);
        await using (a)
        await using (b)
        {
            Assert.Equal(MultiaddrCodes.Ip6, a.RemoteAddress.Components[0].Code);
            await a.WriteAsync("v6"u8.ToArray(), ct);
            byte[] got = new byte[2];
            await b.ReadExactlyAsync(got, ct);
            Assert.Equal("v6"u8.ToArray(), got);
        }
    }

    [Fact]
    public async Task DnsNamesAreResolved()
    {
        var ct = ConnectedPairs.Timeout();
        var tcp = new TcpTransport();
        await using ITransportListener listener = await tcp.ListenAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), ct);
        listener.LocalAddress.TryGetTcpEndPoint(out var ep);
        Task<TransportConnection> accept = listener.AcceptAsync(ct);
        await using TransportConnection dialer = await tcp.DialAsync(Multiaddress.Parse("/dns4/localhost/tcp/" + ep!.Port), ct);
        await using TransportConnection accepted = await accept;
        Assert.Equal(ep.Port, dialer.RemoteAddress.TryGetTcpEndPoint(out var remote) ? remote!.Port : -1);
    }

    [Fact]
    public async Task FailuresAreTypedTransportExceptions()
    {
        var ct = ConnectedPairs.Timeout();
        var tcp = new TcpTransport();
        int freePort;
        await using (ITransportListener l = await tcp.ListenAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), ct))
        {
            l.LocalAddress.TryGetTcpEndPoint(out var ep);
            freePort = ep!.Port;
        }

        var refused = await Assert.ThrowsAsync<TransportException>(() => tcp.DialAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/" + freePort), ct));
        Assert.Equal(TransportError.ConnectFailed, refused.Error);
        var unsupported = await Assert.ThrowsAsync<TransportException>(() => tcp.DialAsync(Multiaddress.Parse("/ip4/127.0.0.1/udp/1"), ct));
        Assert.Equal(TransportError.UnsupportedAddress, unsupported.Error);
        await using ITransportListener busy = await tcp.ListenAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), ct);
        var inUse = await Assert.ThrowsAsync<TransportException>(() => tcp.ListenAsync(busy.LocalAddress, ct));
        Assert.Equal(TransportError.ListenFailed, inUse.Error);
        var wsRefused = await Assert.ThrowsAsync<TransportException>(() => new WebSocketTransport().DialAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/" + freePort + "/ws"), ct));
        Assert.Equal(TransportError.ConnectFailed, wsRefused.Error);
    }

    [Fact]
    public void WebSocketAcceptKeyMatchesRfc6455Example()
    {
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketUpgrade.ComputeAccept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", true)]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", false)]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", false)]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: short", false)]
    [InlineData("POST / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", false)]
    public void UpgradeRequestsAreValidated(string head, bool valid)
    {
        Assert.Equal(valid, WebSocketUpgrade.Validate(head) is not null);
    }

    [Fact]
    public async Task WebSocketListenerAnswersBadRequestsAndKeepsServing()
    {
        var ct = ConnectedPairs.Timeout();
        var ws = new WebSocketTransport();
        await using ITransportListener listener = await ws.ListenAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0/ws"), ct);
        await using (TransportConnection raw = await new TcpTransport().DialAsync(listener.LocalAddress.DecapsulateCode(MultiaddrCodes.Ws), ct))
        {
            await raw.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), ct);
            byte[] response = new byte[12];
            await raw.ReadExactlyAsync(response, ct);
            Assert.Equal("HTTP/1.1 400", Encoding.ASCII.GetString(response));
        }

        Task<TransportConnection> accept = listener.AcceptAsync(ct);
        await using TransportConnection client = await ws.DialAsync(listener.LocalAddress, ct);
        await using TransportConnection server = await accept;
        await client.WriteAsync("over ws"u8.ToArray(), ct);
        byte[] got = new byte[7];
        await server.ReadExactlyAsync(got, ct);
        Assert.Equal("over ws"u8.ToArray(), got);
        Assert.Equal(MultiaddrCodes.Ws, server.LocalAddress.Components[^1].Code);
    }
}
