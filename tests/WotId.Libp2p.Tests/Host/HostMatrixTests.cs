using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Protocols.Perf;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Host;

// The interop matrix C# to C#: connect, identify both ways, ping, 100 concurrent echo streams, perf both ways,
// half-close and reset, a peer vanishing mid-stream; over TCP and WebSocket.
public sealed class HostMatrixTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConnectIdentifyBothWaysAndPing(bool ws)
    {
        var ids = new List<PeerIdentity>();
        await using Libp2pHost a = await HostFixture.StartAsync(keep: ids);
        await using Libp2pHost b = await HostFixture.StartAsync(keep: ids);
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection c = await a.DialAsync(HostFixture.AddressOf(b, ws), cts.Token);
        Assert.Equal(b.PeerId, c.RemotePeer);
        IdentifyMessage fromB = await c.Identified.WaitAsync(cts.Token);
        Assert.Contains(HostFixture.EchoProtocol, fromB.Protocols);
        Assert.Contains(PerfProtocol.ProtocolId, fromB.Protocols);
        Assert.Equal(b.ListenAddresses.Count, fromB.ParsedListenAddrs().Count);
        Assert.NotNull(fromB.SignedPeerRecord);
        Assert.Equal(b.PeerId, PeerRecord.Open(fromB.SignedPeerRecord).PeerId);

        // b identified a too (identify runs on both ends).
        Libp2pConnection back = b.Connections.Single();
        IdentifyMessage fromA = await back.Identified.WaitAsync(cts.Token);
        Assert.Contains(HostFixture.EchoProtocol, fromA.Protocols);
        Assert.True(b.PeerStore.Supports(a.PeerId, HostFixture.EchoProtocol));
        Assert.NotEmpty(a.PeerStore.GetAddresses(b.PeerId));
        Assert.Equal(c.LocalAddress.ToString(), fromB.ParsedObservedAddr()!.ToString());

        IReadOnlyList<TimeSpan> rtts = await a.PingAsync(b.PeerId, 3, cts.Token);
        Assert.Equal(3, rtts.Count);
        IReadOnlyList<TimeSpan> rttsBack = await b.PingAsync(a.PeerId, 1, cts.Token);
        Assert.Single(rttsBack);
        ids.ForEach(i => i.Dispose());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HundredConcurrentEchoStreams(bool ws)
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await a.DialAsync(HostFixture.AddressOf(b, ws), cts.Token);
        var rng = new Random(42);
        int[] sizes = Enumerable.Range(0, 100).Select(i => i < 2 ? 8 << 20 : rng.Next(1, 256 * 1024)).ToArray();
        await Task.WhenAll(sizes.Select(async size =>
        {
            byte[] payload = RandomNumberGenerator.GetBytes(size);
            Libp2pStream s = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
            await using (s)
            {
                byte[] back = await HostFixture.EchoRoundTripAsync(s, s.CompleteWrites, payload, cts.Token);
                Assert.Equal(payload, back);
            }
        }));
        Assert.Single(a.Connections);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PerfBothWays(bool ws)
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await a.DialAsync(HostFixture.AddressOf(b, ws), cts.Token);
        PerfResult up = await a.PerfAsync(b.PeerId, 4 << 20, 1 << 20, cts.Token);
        Assert.Equal(4 << 20, up.UploadBytes);
        Assert.Equal(1 << 20, up.DownloadBytes);
        PerfResult down = await b.PerfAsync(a.PeerId, 0, 4 << 20, cts.Token);
        Assert.Equal(4 << 20, down.DownloadBytes);
    }

    [Fact]
    public async Task HalfCloseAndResetSemantics()
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        var serverSide = new TaskCompletionSource<Libp2pStream>();
        var release = new TaskCompletionSource();
        b.SetHandler("/wotid/test/hold", async (s, ct) =>
        {
            serverSide.TrySetResult(s);
            await release.Task.WaitAsync(ct);
        });
        await a.DialAsync(HostFixture.AddressOf(b, false), cts.Token);

        // Half-close: the echo server sees EOF, finishes, and closes its side; we read everything then EOF.
        Libp2pStream echo = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
        await echo.WriteAsync(new byte[] { 1, 2, 3 }, cts.Token);
        echo.CompleteWrites();
        var got = new MemoryStream();
        await echo.CopyToAsync(got, cts.Token);
        Assert.Equal(new byte[] { 1, 2, 3 }, got.ToArray());
        await Assert.ThrowsAsync<YamuxException>(async () => await echo.WriteAsync(new byte[] { 4 }, cts.Token));

        // Reset: the handler's pending read fails with StreamReset.
        Libp2pStream held = await a.OpenStreamAsync(b.PeerId, "/wotid/test/hold", cts.Token);
        Libp2pStream remote = await serverSide.Task.WaitAsync(cts.Token);
        Task<int> pending = remote.ReadAsync(new byte[1], cts.Token).AsTask();
        held.Abort();
        YamuxException ex = await Assert.ThrowsAsync<YamuxException>(() => pending);
        Assert.Equal(YamuxError.StreamReset, ex.Error);
        release.SetResult();

        // Unsupported protocol: typed error, connection intact.
        HostException na = await Assert.ThrowsAsync<HostException>(() => a.OpenStreamAsync(b.PeerId, "/nope/1.0.0", cts.Token));
        Assert.Equal(HostError.ProtocolNotSupported, na.Error);
        Assert.Single(await a.PingAsync(b.PeerId, 1, cts.Token));
    }

    [Fact]
    public async Task IdentifyPushTellsConnectedPeersAboutNewAndRemovedProtocols()
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Libp2pConnection c = await a.DialAsync(HostFixture.AddressOf(b, false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        Assert.False(a.PeerStore.Supports(b.PeerId, "/wotid/late/1.0.0"));

        b.SetHandler("/wotid/late/1.0.0", HostFixture.EchoAsync);
        while (!a.PeerStore.Supports(b.PeerId, "/wotid/late/1.0.0"))
        {
            await Task.Delay(20, cts.Token);
        }

        b.RemoveHandler("/wotid/late/1.0.0");
        while (a.PeerStore.Supports(b.PeerId, "/wotid/late/1.0.0"))
        {
            await Task.Delay(20, cts.Token);
        }

        Assert.True(a.PeerStore.Supports(b.PeerId, HostFixture.EchoProtocol));
    }

    [Fact]
    public async Task AFailingHandlerResetsOnlyItsStream()
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        b.SetHandler("/wotid/broken/1.0.0", (s, ct) => throw new ArgumentException("handler bug"));
        await a.DialAsync(HostFixture.AddressOf(b, false), cts.Token);
        // The reset may arrive before or after the opener has read the protocol echo.
        IOException ex = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            Libp2pStream s = await a.OpenStreamAsync(b.PeerId, "/wotid/broken/1.0.0", cts.Token);
            _ = await s.ReadAsync(new byte[1], cts.Token);
        });
        Assert.True(ex is HostException { Error: HostError.StreamReset } or YamuxException { Error: YamuxError.StreamReset }, ex.ToString());
        Assert.Single(await a.PingAsync(b.PeerId, 1, cts.Token));
    }

    [Fact]
    public async Task ConnectionLimitsAndIdleTimeoutAreEnforced()
    {
        var ids = new List<PeerIdentity>();
        await using Libp2pHost server = await HostFixture.StartAsync(
            id => new Libp2pHostOptions(id) { ListenAddresses = [HostFixture.Tcp], MaxInboundConnections = 2, IdleTimeout = TimeSpan.FromMilliseconds(300) }, ids);
        using var cts = new CancellationTokenSource(s_timeout);
        await using Libp2pHost c1 = await HostFixture.StartAsync(keep: ids);
        await using Libp2pHost c2 = await HostFixture.StartAsync(keep: ids);
        await using Libp2pHost c3 = await HostFixture.StartAsync(keep: ids);
        Multiaddress target = HostFixture.AddressOf(server, false);
        await (await c1.DialAsync(target, cts.Token)).Identified.WaitAsync(cts.Token);
        await (await c2.DialAsync(target, cts.Token)).Identified.WaitAsync(cts.Token);

        // A third inbound connection is dropped before the handshake.
        await Assert.ThrowsAsync<HostException>(() => c3.DialAsync(target, cts.Token));
        Assert.Equal(2, server.Connections.Count);

        // Without streams, both connections are closed after the idle timeout.
        while (server.Connections.Count > 0)
        {
            await Task.Delay(50, cts.Token);
        }

        ids.ForEach(i => i.Dispose());
    }

    [Fact]
    public async Task PeerVanishingMidStreamFailsWithTypedErrorAndIsForgotten()
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        Libp2pHost b = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Libp2pConnection c = await a.DialAsync(HostFixture.AddressOf(b, false), cts.Token);
        Task<HostEvent> closed = HostFixture.NextEventAsync(a, e => e.Kind == HostEventKind.ConnectionClosed, cts.Token);
        Libp2pStream s = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
        await s.WriteAsync(new byte[] { 1 }, cts.Token);
        Assert.Equal(1, await s.ReadAsync(new byte[1], cts.Token));

        // Kill b's side of the connection abruptly (TCP reset: no GoAway, no FIN on the stream).
        b.Connections.Single().Abort();
        IOException err = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            while (await s.ReadAsync(new byte[16], cts.Token) > 0)
            {
            }

            await s.WriteAsync(new byte[1], cts.Token);
        });
        Assert.IsType<YamuxException>(err);
        HostEvent closedEvent = await closed;
        Assert.Empty(a.Connections);
        await c.Completion.WaitAsync(cts.Token);
        Assert.NotNull(closedEvent.Error);
        await b.DisposeAsync();
    }
}
