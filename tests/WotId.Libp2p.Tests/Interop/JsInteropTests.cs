using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Protocols.Perf;
using WotId.Libp2p.Protocols.Ping;
using WotId.Libp2p.Tests.Host;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Interop;

// The interop matrix against js-libp2p 3.3.11 (interop/libp2p/peer.mjs), both directions, TCP and WebSocket:
// connect, identify both ways, ping, 100 concurrent echo streams (two of 8 MiB), perf both ways, half-close, reset,
// and a js peer killed mid-stream.
public sealed class JsInteropTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CSharpDialsJsIdentifyBothWaysAndPing(bool ws)
    {
        await using JsPeer js = await JsPeer.StartAsync();
        await using Libp2pHost cs = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection c = await cs.DialAsync(js.Address(ws), cts.Token);
        Assert.Equal(js.PeerId, c.RemotePeer);
        IdentifyMessage fromJs = await c.Identified.WaitAsync(cts.Token);
        Assert.Contains("/wotid/echo/1.0.0", fromJs.Protocols);
        Assert.Contains(PerfProtocol.ProtocolId, fromJs.Protocols);
        Assert.Contains(PingProtocol.ProtocolId, fromJs.Protocols);
        Assert.Contains(IdentifyProtocol.PushProtocolId, fromJs.Protocols);
        Assert.StartsWith("js-libp2p/", fromJs.AgentVersion);
        Assert.Equal(2, fromJs.ParsedListenAddrs().Count);
        PeerRecord record = PeerRecord.Open(fromJs.SignedPeerRecord!);
        Assert.Equal(js.PeerId, record.PeerId);
        Assert.Equal(2, cs.PeerStore.GetAddresses(js.PeerId).Count);

        // js identified us too: it sees our protocols and listen addresses (and a verified peer record).
        JsonNode seen = await js.RunAsync(new JsonObject { ["cmd"] = "identify", ["peer"] = cs.PeerId.ToString() });
        Assert.Contains(HostFixture.EchoProtocol, JsPeer.Strings(seen["protocols"]));
        Assert.Contains(PerfProtocol.ProtocolId, JsPeer.Strings(seen["protocols"]));
        Assert.Equal(cs.ListenAddresses.Select(a => a.ToString()).Order(), JsPeer.Strings(seen["listenAddrs"]).Order());
        Assert.Equal(cs.ListenAddresses.Count, JsPeer.Strings(seen["signedPeerRecord"]).Length);

        Assert.Equal(3, (await cs.PingAsync(js.PeerId, 3, cts.Token)).Count);
        JsonNode pong = await js.RunAsync(new JsonObject { ["cmd"] = "ping", ["peer"] = cs.PeerId.ToString(), ["count"] = 3 });
        Assert.Equal(3, pong["rtts"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task JsDialsCSharpIdentifyBothWaysAndPing(bool ws)
    {
        await using JsPeer js = await JsPeer.StartAsync();
        await using Libp2pHost cs = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Task<HostEvent> identified = HostFixture.NextEventAsync(cs, e => e.Kind == HostEventKind.Identified, cts.Token);

        JsonNode dial = await js.RunAsync(new JsonObject { ["cmd"] = "dial", ["addr"] = HostFixture.AddressOf(cs, ws).ToString() });
        Assert.Equal(cs.PeerId.ToString(), dial["peer"]!.GetValue<string>());
        Assert.Equal("/noise", dial["encryption"]!.GetValue<string>());
        Assert.Equal("/yamux/1.0.0", dial["multiplexer"]!.GetValue<string>());
        Assert.Contains(HostFixture.EchoProtocol, JsPeer.Strings(dial["identify"]!["protocols"]));

        Libp2pConnection inbound = (await identified).Connection;
        Assert.False(inbound.IsInitiator);
        Assert.Equal(js.PeerId, inbound.RemotePeer);
        Assert.Contains("/wotid/echo/1.0.0", cs.PeerStore.Get(js.PeerId)!.Protocols);

        JsonNode pong = await js.RunAsync(new JsonObject { ["cmd"] = "ping", ["peer"] = cs.PeerId.ToString(), ["count"] = 2 });
        Assert.Equal(2, pong["rtts"]!.AsArray().Count);
        Assert.Single(await cs.PingAsync(js.PeerId, 1, cts.Token));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HundredConcurrentEchoStreamsBothDirections(bool ws)
    {
        await using JsPeer js = await JsPeer.StartAsync();
        await using Libp2pHost cs = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await cs.DialAsync(js.Address(ws), cts.Token);

        // C# → js: 100 streams, two of 8 MiB, the rest up to 128 KiB.
        var rng = new Random(7);
        int[] sizes = Enumerable.Range(0, 100).Select(i => i < 2 ? 8 << 20 : rng.Next(1, 128 * 1024)).ToArray();
        await Task.WhenAll(sizes.Select(async size =>
        {
            byte[] payload = RandomNumberGenerator.GetBytes(size);
            Libp2pStream s = await cs.OpenStreamAsync(js.PeerId, HostFixture.EchoProtocol, cts.Token);
            await using (s)
            {
                Assert.Equal(payload, await HostFixture.EchoRoundTripAsync(s, s.CompleteWrites, payload, cts.Token));
            }
        }));

        // js → C#: the same shape, verified by js.
        JsonNode echo = await js.RunAsync(
            new JsonObject { ["cmd"] = "echo", ["peer"] = cs.PeerId.ToString(), ["count"] = 100, ["large"] = 2, ["size"] = 8 << 20, ["small"] = 128 * 1024 },
            TimeSpan.FromMinutes(3));
        Assert.Equal(100, echo["streams"]!.GetValue<int>());
        Assert.Single(cs.Connections);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PerfBothDirections(bool ws)
    {
        await using JsPeer js = await JsPeer.StartAsync();
        await using Libp2pHost cs = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await cs.DialAsync(js.Address(ws), cts.Token);

        PerfResult r = await cs.PerfAsync(js.PeerId, 8 << 20, 8 << 20, cts.Token);
        Assert.Equal(8 << 20, r.DownloadBytes);
        JsonNode jr = await js.RunAsync(new JsonObject { ["cmd"] = "perf", ["peer"] = cs.PeerId.ToString(), ["upload"] = 8 << 20, ["download"] = 8 << 20 });
        Assert.Equal(8 << 20, jr["download"]!.GetValue<long>());
    }

    [Fact]
    public async Task HalfCloseAndResetSemanticsBothDirections()
    {
        await using JsPeer js = await JsPeer.StartAsync();
        await using Libp2pHost cs = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        var resetSeen = new TaskCompletionSource<Exception>();
        cs.SetHandler("/wotid/hold/1.0.0", async (s, ct) =>
        {
            try
            {
                var buf = new byte[16];
                while (await s.ReadAsync(buf, ct) > 0)
                {
                }

                resetSeen.TrySetException(new InvalidOperationException("stream ended cleanly instead of being reset"));
            }
            catch (YamuxException ex)
            {
                resetSeen.TrySetResult(ex);
                throw;
            }
        });
        cs.SetHandler("/wotid/finish/1.0.0", async (s, ct) =>
        {
            await s.WriteAsync(new byte[] { 1, 2, 3 }, ct);
        });
        await cs.DialAsync(js.Address(false), cts.Token);

        // js half-closes towards the C# echo handler and still reads the whole answer.
        JsonNode hc = await js.RunAsync(new JsonObject { ["cmd"] = "halfclose", ["peer"] = cs.PeerId.ToString(), ["text"] = "hello from js" });
        Assert.Equal("hello from js", hc["text"]!.GetValue<string>());

        // C# half-closes towards the js echo handler.
        Libp2pStream echo = await cs.OpenStreamAsync(js.PeerId, HostFixture.EchoProtocol, cts.Token);
        Assert.Equal("hi"u8.ToArray(), await HostFixture.EchoRoundTripAsync(echo, echo.CompleteWrites, "hi"u8.ToArray(), cts.Token));

        // A C# handler that writes and returns: js (after its own half-close) reads the bytes then a clean end of stream.
        JsonNode fin = await js.RunAsync(new JsonObject { ["cmd"] = "read", ["peer"] = cs.PeerId.ToString(), ["protocol"] = "/wotid/finish/1.0.0" });
        Assert.Equal("eof", fin["end"]!.GetValue<string>());
        Assert.Equal(3, fin["bytes"]!.GetValue<int>());

        // js resets a stream: the C# handler's read fails with StreamReset.
        await js.RunAsync(new JsonObject { ["cmd"] = "reset", ["peer"] = cs.PeerId.ToString(), ["protocol"] = "/wotid/hold/1.0.0" });
        Exception reset = await resetSeen.Task.WaitAsync(cts.Token);
        Assert.Equal(YamuxError.StreamReset, Assert.IsType<YamuxException>(reset).Error);

        // C# resets a stream towards js: js's reader ends with an error, and the connection stays usable.
        Libp2pStream toAbort = await cs.OpenStreamAsync(js.PeerId, HostFixture.EchoProtocol, cts.Token);
        await toAbort.WriteAsync(new byte[] { 9 }, cts.Token);
        toAbort.Abort();
        Assert.Single(await cs.PingAsync(js.PeerId, 1, cts.Token));
        JsonNode peers = await js.RunAsync(new JsonObject { ["cmd"] = "peers" });
        Assert.Single(peers["peers"]!.AsArray());
    }

    [Fact]
    public async Task IdentifyPushBothDirections()
    {
        await using JsPeer js = await JsPeer.StartAsync();
        await using Libp2pHost cs = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Libp2pConnection c = await cs.DialAsync(js.Address(false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        await js.RunAsync(new JsonObject { ["cmd"] = "identify", ["peer"] = cs.PeerId.ToString() });

        // C# adds a protocol: js learns it through /ipfs/id/push/1.0.0.
        cs.SetHandler("/wotid/late/1.0.0", HostFixture.EchoAsync);
        await WaitForAsync(async () =>
            JsPeer.Strings((await js.RunAsync(new JsonObject { ["cmd"] = "peerinfo", ["peer"] = cs.PeerId.ToString() }))["protocols"])
                .Contains("/wotid/late/1.0.0"), cts.Token);

        // js adds a protocol: the C# peer store learns it through the push.
        await js.RunAsync(new JsonObject { ["cmd"] = "handle", ["protocol"] = "/wotid/js-late/1.0.0" });
        await WaitForAsync(() => Task.FromResult(cs.PeerStore.Supports(js.PeerId, "/wotid/js-late/1.0.0")), cts.Token);
        Libp2pStream s = await cs.OpenStreamAsync(js.PeerId, "/wotid/js-late/1.0.0", cts.Token);
        await using (s)
        {
            Assert.Equal("late"u8.ToArray(), await HostFixture.EchoRoundTripAsync(s, s.CompleteWrites, "late"u8.ToArray(), cts.Token));
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        while (!await condition())
        {
            await Task.Delay(50, ct);
        }
    }

    [Fact]
    public async Task JsPeerKilledMidStream()
    {
        JsPeer js = await JsPeer.StartAsync();
        await using Libp2pHost cs = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Task<HostEvent> closed = HostFixture.NextEventAsync(cs, e => e.Kind == HostEventKind.ConnectionClosed, cts.Token);
        await cs.DialAsync(js.Address(false), cts.Token);
        Libp2pStream s = await cs.OpenStreamAsync(js.PeerId, HostFixture.EchoProtocol, cts.Token);
        await s.WriteAsync(new byte[] { 5 }, cts.Token);
        Assert.Equal(1, await s.ReadAsync(new byte[1], cts.Token));

        js.Kill();
        await js.DisposeAsync();
        IOException err = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            while (await s.ReadAsync(new byte[16], cts.Token) > 0)
            {
            }
        });
        Assert.IsType<YamuxException>(err);
        HostEvent e = await closed;
        Assert.Equal(js.PeerId, e.Connection.RemotePeer);
        Assert.Empty(cs.Connections);

        // The host still serves others.
        await using JsPeer other = await JsPeer.StartAsync();
        await cs.DialAsync(other.Address(false), cts.Token);
        Assert.Single(await cs.PingAsync(other.PeerId, 1, cts.Token));
    }
}
