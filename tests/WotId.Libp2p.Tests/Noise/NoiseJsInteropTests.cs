// Interop with js-libp2p 3.3.11 (@chainsafe/libp2p-noise 17, interop/libp2p/noise-peer.mjs) over real TCP and /ws
// sockets, both directions: multistream-select picks /noise, the XX handshake authenticates both peer ids, and either
// the early muxer negotiation or a multistream-select round inside the encrypted channel picks /yamux/1.0.0.
using System;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Tests.Transports;
using WotId.Libp2p.Transports;
using WotId.Testing;

namespace WotId.Libp2p.Tests.Noise;

public sealed class NoiseJsInteropTests
{
    private const string Yamux = "/yamux/1.0.0";
    private static readonly TimeSpan s_lineTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("tcp", false)]
    [InlineData("tcp", true)]
    [InlineData("ws", false)]
    [InlineData("ws", true)]
    public async Task CSharpDialsJs(string transportName, bool earlyMuxer)
    {
        CancellationToken ct = ConnectedPairs.Timeout(60);
        await using NodeProcess js = NodeProcess.Start("libp2p/noise-peer.mjs");
        (PeerId jsId, Multiaddress jsAddr) = await ReadReadyAsync(js, transportName);
        using PeerIdentity me = PeerIdentity.Generate();
        ITransport transport = Transport(transportName);
        await using TransportConnection connection = await transport.DialAsync(jsAddr, ct);

        Assert.Equal("/noise", await MultistreamSelect.SelectAsync(connection, ["/tls/1.0.0", "/noise"], ct));
        await using NoiseSecuredStream noise = await NoiseSecuredStream.HandshakeAsync(connection, me, true, jsId, earlyMuxer ? [Yamux] : [], ct);
        Assert.Equal(jsId, noise.RemotePeerId);
        if (earlyMuxer)
        {
            Assert.Equal(Yamux, noise.NegotiatedMuxer);
        }
        else
        {
            Assert.Null(noise.NegotiatedMuxer);
            Assert.Equal(Yamux, await MultistreamSelect.SelectAsync(noise, ["/mplex/6.7.0", Yamux], ct));
        }

        using JsonDocument open = JsonDocument.Parse(await js.ReadUntilAsync("{\"event\":\"open\"", s_lineTimeout));
        Assert.Equal(me.PeerId.ToString(), open.RootElement.GetProperty("remotePeer").GetString());
        Assert.Equal("/noise", open.RootElement.GetProperty("encryption").GetString());
        Assert.Equal(Yamux, open.RootElement.GetProperty("multiplexer").GetString());
        Assert.Equal("inbound", open.RootElement.GetProperty("direction").GetString());
    }

    [Theory]
    [InlineData("tcp", false)]
    [InlineData("tcp", true)]
    [InlineData("ws", false)]
    [InlineData("ws", true)]
    public async Task JsDialsCSharp(string transportName, bool earlyMuxer)
    {
        CancellationToken ct = ConnectedPairs.Timeout(60);
        await using NodeProcess js = NodeProcess.Start("libp2p/noise-peer.mjs");
        (PeerId jsId, _) = await ReadReadyAsync(js, transportName);
        using PeerIdentity me = PeerIdentity.Generate();
        ITransport transport = Transport(transportName);
        await using ITransportListener listener = await transport.ListenAsync(Multiaddress.Parse(transportName == "ws" ? "/ip4/127.0.0.1/tcp/0/ws" : "/ip4/127.0.0.1/tcp/0"), ct);
        Task<TransportConnection> accept = listener.AcceptAsync(ct);
        await js.SendLineAsync(JsonSerializer.Serialize(new { cmd = "dial", addr = listener.LocalAddress + "/p2p/" + me.PeerId }), ct);

        await using TransportConnection connection = await accept;
        Assert.Equal("/noise", await MultistreamSelect.HandleAsync(connection, ["/noise"], ct));
        await using NoiseSecuredStream noise = await NoiseSecuredStream.HandshakeAsync(connection, me, false, null, earlyMuxer ? [Yamux] : [], ct);
        Assert.Equal(jsId, noise.RemotePeerId);
        if (earlyMuxer)
        {
            Assert.Equal(Yamux, noise.NegotiatedMuxer);
        }
        else
        {
            Assert.Null(noise.NegotiatedMuxer);
            Assert.Equal(Yamux, await MultistreamSelect.HandleAsync(noise, [Yamux], ct));
        }

        using JsonDocument dial = JsonDocument.Parse(await js.ReadUntilAsync("{\"event\":\"dial\"", s_lineTimeout));
        Assert.True(dial.RootElement.GetProperty("ok").GetBoolean(), dial.RootElement.ToString());
        Assert.Equal(me.PeerId.ToString(), dial.RootElement.GetProperty("remotePeer").GetString());
        Assert.Equal(Yamux, dial.RootElement.GetProperty("multiplexer").GetString());
    }

    [Fact]
    public async Task CSharpRejectsAJsPeerWithAnotherPeerId()
    {
        CancellationToken ct = ConnectedPairs.Timeout(60);
        await using NodeProcess js = NodeProcess.Start("libp2p/noise-peer.mjs");
        (_, Multiaddress jsAddr) = await ReadReadyAsync(js, "tcp");
        using PeerIdentity me = PeerIdentity.Generate();
        using PeerIdentity expected = PeerIdentity.Generate();
        await using TransportConnection connection = await new TcpTransport().DialAsync(jsAddr, ct);
        await MultistreamSelect.SelectAsync(connection, ["/noise"], ct);
        var e = await Assert.ThrowsAsync<NoiseHandshakeException>(() => NoiseSecuredStream.HandshakeAsync(connection, me, true, expected.PeerId, [Yamux], ct));
        Assert.Equal(NoiseError.PeerIdMismatch, e.Error);
    }

    [Fact]
    public async Task JsRejectsACSharpPeerWithAnotherPeerId()
    {
        CancellationToken ct = ConnectedPairs.Timeout(60);
        await using NodeProcess js = NodeProcess.Start("libp2p/noise-peer.mjs");
        await ReadReadyAsync(js, "tcp");
        using PeerIdentity me = PeerIdentity.Generate();
        using PeerIdentity claimed = PeerIdentity.Generate();
        await using ITransportListener listener = await new TcpTransport().ListenAsync(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"), ct);
        Task<TransportConnection> accept = listener.AcceptAsync(ct);
        await js.SendLineAsync(JsonSerializer.Serialize(new { cmd = "dial", addr = listener.LocalAddress + "/p2p/" + claimed.PeerId }), ct);
        await using TransportConnection connection = await accept;
        await MultistreamSelect.HandleAsync(connection, ["/noise"], ct);
        await Assert.ThrowsAnyAsync<System.IO.IOException>(() => NoiseSecuredStream.HandshakeAsync(connection, me, false, null, [Yamux], ct));
        using JsonDocument dial = JsonDocument.Parse(await js.ReadUntilAsync("{\"event\":\"dial\"", s_lineTimeout));
        Assert.False(dial.RootElement.GetProperty("ok").GetBoolean());
    }

    private static ITransport Transport(string name) => name == "ws" ? new WebSocketTransport() : new TcpTransport();

    private static async Task<(PeerId Id, Multiaddress Address)> ReadReadyAsync(NodeProcess js, string transportName)
    {
        using JsonDocument ready = JsonDocument.Parse(await js.ReadUntilAsync("{\"event\":\"ready\"", s_lineTimeout));
        PeerId id = PeerId.Parse(ready.RootElement.GetProperty("peerId").GetString()!);
        Multiaddress address = ready.RootElement.GetProperty("addrs").EnumerateArray()
            .Select(a => Multiaddress.Parse(a.GetString()!))
            .First(a => a.Contains(MultiaddrCodes.Ws) == (transportName == "ws"));
        return (id, address);
    }
}
