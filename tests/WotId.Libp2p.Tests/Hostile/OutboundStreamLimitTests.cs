// Per-protocol stream limits apply to the streams we open too (go-libp2p's protocol scope has StreamsOutbound beside
// StreamsInbound): the extra open fails with a typed HostError.StreamLimit before anything goes on the wire, is
// counted in ResourceUsage, and the slot comes back on every way a stream ends. Real hosts on 127.0.0.1.
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Hostile;

public sealed class OutboundStreamLimitTests
{
    private const string Held = "/wotid/test/held/1.0.0";
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OurOwnStreamsBeyondTheProtocolLimitFailWithATypedErrorAndComeBack()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await StartLimitedAsync(2);
        await using Libp2pHost b = await HostFixture.StartAsync();
        await (await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token)).Identified.WaitAsync(cts.Token);

        Libp2pStream first = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
        Libp2pStream second = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
        HostException refused = await Assert.ThrowsAsync<HostException>(() => a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token));

        Assert.Equal(HostError.StreamLimit, refused.Error);
        Assert.Equal(ResourceLimitKind.ProtocolStreams, refused.ResourceLimit);
        Assert.Equal(ResourceScope.Protocol, refused.Scope);
        Assert.Equal(1, a.ResourceUsage.Refusals[ResourceLimitKind.ProtocolStreams]);
        Assert.Equal(1, a.ResourceUsage.RefusalsByScope[ResourceScope.Protocol]);
        // Other protocols are not affected.
        Assert.Single(await a.PingAsync(b.PeerId, 1, cts.Token));

        // A stream closed both ways gives its slot back.
        Assert.Equal([1], await HostFixture.EchoRoundTripAsync(first, first.CompleteWrites, [1], cts.Token));
        await using Libp2pStream third = await OpenWhenFreeAsync(a, b, cts.Token);
        Assert.Equal([3], await HostFixture.EchoRoundTripAsync(third, third.CompleteWrites, [3], cts.Token));

        // So does a stream we reset, without being disposed.
        second.Abort();
        await using Libp2pStream fourth = await OpenWhenFreeAsync(a, b, cts.Token);
        Assert.Equal([4], await HostFixture.EchoRoundTripAsync(fourth, fourth.CompleteWrites, [4], cts.Token));
        await first.DisposeAsync();
        await second.DisposeAsync();
    }

    [Fact]
    public async Task APeerResettingOurStreamsOrClosingTheConnectionReturnsTheSlots()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await StartLimitedAsync(2);
        await using Libp2pHost b = await HostFixture.StartAsync();
        var peerSide = new List<Libp2pStream>();
        var twoHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        b.SetHandler(Held, async (s, ct) =>
        {
            lock (peerSide)
            {
                peerSide.Add(s);
                if (peerSide.Count == 2)
                {
                    twoHeld.TrySetResult();
                }
            }

            await Task.Delay(Timeout.Infinite, ct);
        });
        Libp2pConnection c = await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);

        Libp2pStream one = await OpenRetryingAsync(a, b, Held, cts.Token);
        Libp2pStream two = await a.OpenStreamAsync(b.PeerId, Held, cts.Token);
        await twoHeld.Task.WaitAsync(cts.Token);
        Assert.Equal(HostError.StreamLimit, (await Assert.ThrowsAsync<HostException>(() => a.OpenStreamAsync(b.PeerId, Held, cts.Token))).Error);

        // The peer resets one: its slot is ours again although we never disposed the stream.
        lock (peerSide)
        {
            peerSide[0].Abort();
        }

        Libp2pStream three = await OpenWhenFreeAsync(a, b, cts.Token, Held);

        // The connection ends: every slot comes back, and a new connection gets two streams again.
        await c.CloseAsync();
        await HostileFixture.WaitForAsync(() => a.Connections.Count == 0, cts.Token);
        Libp2pStream four = await a.OpenStreamAsync(b.PeerId, Held, cts.Token);
        Libp2pStream five = await a.OpenStreamAsync(b.PeerId, Held, cts.Token);
        foreach (Libp2pStream s in new[] { one, two, three, four, five })
        {
            await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task APeerFloodingAProtocolDoesNotUseUpOurOwnStreamsOfIt()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await StartLimitedAsync(2);
        await using Libp2pHost b = await HostFixture.StartAsync();
        await (await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token)).Identified.WaitAsync(cts.Token);

        // b takes both inbound echo slots of a ...
        Libp2pStream in1 = await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token);
        Libp2pStream in2 = await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token);
        await EchoOneAsync(in1, 1, cts.Token);
        await EchoOneAsync(in2, 2, cts.Token);

        // ... and a still opens its own two.
        await using Libp2pStream out1 = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
        await using Libp2pStream out2 = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
        Assert.Equal([5], await HostFixture.EchoRoundTripAsync(out2, out2.CompleteWrites, [5], cts.Token));
        await in1.DisposeAsync();
        await in2.DisposeAsync();
    }

    private static async Task EchoOneAsync(Libp2pStream stream, byte value, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(new[] { value }, cancellationToken);
        var back = new byte[1];
        await stream.ReadExactlyAsync(back, cancellationToken);
        Assert.Equal(value, back[0]);
    }

    private static Task<Libp2pHost> StartLimitedAsync(int echoLimit) => HostFixture.StartAsync(id => new Libp2pHostOptions(id)
    {
        ListenAddresses = [HostFixture.Tcp],
        Resources = new ResourceLimits
        {
            ProtocolStreamLimits = new Dictionary<string, int>(StringComparer.Ordinal) { [HostFixture.EchoProtocol] = echoLimit, [Held] = echoLimit },
        },
    });

    /// <summary>Opens a stream once a slot has come back (the release follows the peer's FIN or RST by a frame).</summary>
    private static async Task<Libp2pStream> OpenWhenFreeAsync(Libp2pHost from, Libp2pHost to, CancellationToken cancellationToken, string protocol = HostFixture.EchoProtocol)
    {
        while (true)
        {
            try
            {
                return await from.OpenStreamAsync(to.PeerId, protocol, cancellationToken);
            }
            catch (HostException e) when (e.Error == HostError.StreamLimit)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }

    /// <summary>Opens a stream, retrying while the identify push announcing a new handler is on its way.</summary>
    private static async Task<Libp2pStream> OpenRetryingAsync(Libp2pHost from, Libp2pHost to, string protocol, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await from.OpenStreamAsync(to.PeerId, protocol, cancellationToken);
            }
            catch (HostException e) when (e.Error == HostError.ProtocolNotSupported)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }
}
