// The resource manager's scopes with real hosts on 127.0.0.1 (go-libp2p p2p/host/resource-manager semantics): every
// refusal is typed (a ResourceLimitKind in its scope), counted in Libp2pHost.ResourceUsage, and frees up again.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Hostile;

public sealed class ResourceScopeTests
{
    private const string BulkSink = "/wotid/test/bulk-sink/1.0.0";
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task InboundStreamsBeyondThePeerLimitAreResetAndCounted()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            Resources = new ResourceLimits { MaxStreamsPerPeer = 4 },
        });
        await using Libp2pHost b = await HostFixture.StartAsync();
        Libp2pConnection c = await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        await HostileFixture.WaitForAsync(() => a.ResourceUsage.Streams == 0, cts.Token);

        var held = new List<Libp2pStream>();
        for (int i = 0; i < 4; i++)
        {
            held.Add(await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token));
        }

        HostException refused = await Assert.ThrowsAsync<HostException>(() => b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token));
        Assert.Equal(HostError.StreamReset, refused.Error);
        ResourceUsage usage = a.ResourceUsage;
        Assert.Equal(1, usage.Refusals[ResourceLimitKind.PeerStreams]);
        Assert.Equal(1, usage.RefusalsByScope[ResourceScope.Peer]);
        Assert.Equal(4, usage.Streams);

        // A finished stream gives its slot back.
        held[0].Abort();
        await HostileFixture.WaitForAsync(() => a.ResourceUsage.Streams == 3, cts.Token);
        await using Libp2pStream again = await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token);
        Assert.Equal([7], await HostFixture.EchoRoundTripAsync(again, again.CompleteWrites, [7], cts.Token));
        held.ForEach(s => s.Abort());
    }

    [Fact]
    public async Task ProtocolStreamLimitResetsTheExtraStream()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            Resources = new ResourceLimits { ProtocolStreamLimits = new Dictionary<string, int> { [HostFixture.EchoProtocol] = 2 } },
        });
        await using Libp2pHost b = await HostFixture.StartAsync();
        await (await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token)).Identified.WaitAsync(cts.Token);
        var held = new List<Libp2pStream>();
        for (int i = 0; i < 2; i++)
        {
            Libp2pStream s = await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token);
            await s.WriteAsync(new byte[] { 1 }, cts.Token);
            Assert.Equal(1, await s.ReadAsync(new byte[1], cts.Token));
            held.Add(s);
        }

        // The third is reset right after negotiation: the opener sees it in the negotiation or on its first read.
        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            await using Libp2pStream third = await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token);
            await HostFixture.EchoRoundTripAsync(third, third.CompleteWrites, [1, 2, 3], cts.Token);
        });
        Assert.Equal(1, a.ResourceUsage.RefusalsByScope[ResourceScope.Protocol]);
        held.ForEach(s => s.Abort());
    }

    [Fact]
    public async Task UnverifiedConnectionsHaveFewStreamsAndNoWindowGrowth()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            ConnectionGate = new TestGate(ConnectionGateDecision.Hold, HostFixture.EchoProtocol, BulkSink),
            Resources = new ResourceLimits { MaxTransientStreams = 3 },
        });

        // A fast reader on the unverified side (registered before any peer connects, so no identify push runs).
        var largest = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        a.SetHandler(BulkSink, async (s, ct) =>
        {
            long max = 0;
            var buffer = new byte[64 * 1024];
            while (await s.ReadAsync(buffer, ct) > 0)
            {
                max = Math.Max(max, s.Muxed.ReceiveWindow);
            }

            largest.TrySetResult(max);
        });
        await using Libp2pHost b = await HostFixture.StartAsync();
        Libp2pConnection c = await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        Libp2pConnection onA = a.Connections.Single();
        await HostileFixture.WaitForAsync(() => a.ResourceUsage.TransientStreams == 0, cts.Token);

        // 8 MiB through one stream of an unverified connection never grow its 256 KiB window.
        await using (Libp2pStream bulk = await OpenRetryingAsync(b, a, BulkSink, cts.Token))
        {
            await bulk.WriteAsync(new byte[8 * 1024 * 1024], cts.Token);
            bulk.CompleteWrites();
            Assert.Equal(256 * 1024, await largest.Task.WaitAsync(cts.Token));
        }

        await HostileFixture.WaitForAsync(() => a.ResourceUsage.TransientStreams == 0, cts.Token);
        var held = new List<Libp2pStream>();
        for (int i = 0; i < 3; i++)
        {
            held.Add(await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token));
        }

        await Assert.ThrowsAsync<HostException>(() => b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token));
        Assert.Equal(1, a.ResourceUsage.Refusals[ResourceLimitKind.TransientStreams]);
        Assert.Equal(1, a.ResourceUsage.TransientConnections);

        // Verified: the streams leave the transient scope.
        onA.OpenGate();
        Assert.Equal(0, a.ResourceUsage.TransientStreams);
        Assert.Equal(0, a.ResourceUsage.TransientConnections);
        await using Libp2pStream fourth = await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token);
        held.ForEach(s => s.Abort());
    }

    [Fact]
    public async Task TheSystemMemoryBudgetRefusesStreamsItCannotBuffer()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        const long budget = 8 * 256 * 1024;
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            Resources = new ResourceLimits { MaxMemory = budget },
        });
        await using Libp2pHost b = await HostFixture.StartAsync();
        await (await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token)).Identified.WaitAsync(cts.Token);
        await HostileFixture.WaitForAsync(() => a.ResourceUsage.Streams == 0, cts.Token);

        var held = new List<Libp2pStream>();
        HostException? refused = null;
        for (int i = 0; i < 16 && refused is null; i++)
        {
            try
            {
                held.Add(await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token));
            }
            catch (HostException e)
            {
                refused = e;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(8, held.Count);
        Assert.True(a.ResourceUsage.MemoryBytes <= budget);
        Assert.Equal(1, a.ResourceUsage.Refusals[ResourceLimitKind.SystemMemory]);
        held.ForEach(s => s.Abort());
        await HostileFixture.WaitForAsync(() => a.ResourceUsage.MemoryBytes == 0, cts.Token);
    }

    [Fact]
    public async Task PendingUpgradesPerSubnetAreLimitedWithoutStarvingOtherSubnets()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            MaxInboundPerIp = 2,
            Resources = new ResourceLimits { MaxInboundPerSubnet = 4 },
        });
        var sockets = new List<Socket>();
        try
        {
            // Three addresses of one /24, two sockets each: the subnet admits four.
            for (int i = 0; i < 6; i++)
            {
                sockets.Add(await HostileFixture.ConnectRawAsync(HostFixture.AddressOf(a, ws: false), HostileFixture.AttackerIp(i / 2, 8), cts.Token));
            }

            await HostileFixture.WaitForAsync(() => a.ResourceUsage.Refusals.GetValueOrDefault(ResourceLimitKind.PendingInboundPerSubnet) == 2, cts.Token);
            Assert.Equal(4, a.ResourceUsage.PendingInbound);

            // Another subnet still gets in.
            sockets.Add(await HostileFixture.ConnectRawAsync(HostFixture.AddressOf(a, ws: false), IPAddress.Parse("127.0.99.1"), cts.Token));
            await HostileFixture.WaitForAsync(() => a.ResourceUsage.PendingInbound == 5, cts.Token);
            Assert.Equal(2, a.ResourceUsage.RefusalsByScope[ResourceScope.Transient]);
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
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
