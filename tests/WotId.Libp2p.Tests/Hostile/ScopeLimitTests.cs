// The limits the other resource tests leave out, each with real hosts on 127.0.0.1: the system stream limit, the
// connections-per-peer limit, and a connection's own outbound stream limit. Each refusal is typed and counted in
// ResourceUsage (which `wotid status` shows per scope).
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Tests.Host;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Hostile;

public sealed class ScopeLimitTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task InboundStreamsBeyondTheSystemLimitAreResetAndCounted()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            Resources = new ResourceLimits { MaxStreams = 3 },
        });
        await using Libp2pHost b = await HostFixture.StartAsync();
        await (await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token)).Identified.WaitAsync(cts.Token);
        await HostileFixture.WaitForAsync(() => a.ResourceUsage.Streams == 0, cts.Token);

        var held = new List<Libp2pStream>();
        for (int i = 0; i < 3; i++)
        {
            held.Add(await b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token));
        }

        HostException refused = await Assert.ThrowsAsync<HostException>(() => b.OpenStreamAsync(a.PeerId, HostFixture.EchoProtocol, cts.Token));
        Assert.Equal(HostError.StreamReset, refused.Error);
        Assert.Equal(1, a.ResourceUsage.Refusals[ResourceLimitKind.SystemStreams]);
        Assert.Equal(1, a.ResourceUsage.RefusalsByScope[ResourceScope.System]);
        held.ForEach(s => s.Abort());
    }

    [Fact]
    public async Task ASecondConnectionOfOnePeerBeyondItsLimitIsRefusedAndCounted()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            MaxConnectionsPerPeer = 1,
        });
        // Two hosts with one identity: the same peer connecting twice.
        using PeerIdentity twin = PeerIdentity.Generate();
        await using Libp2pHost b1 = await HostFixture.StartAsync(_ => new Libp2pHostOptions(twin));
        await using Libp2pHost b2 = await HostFixture.StartAsync(_ => new Libp2pHostOptions(twin));
        await (await b1.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token)).Identified.WaitAsync(cts.Token);

        // a closes the second connection right after the handshake; b2 sees it end.
        try
        {
            Libp2pConnection second = await b2.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token);
            await second.Completion.ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(cts.Token);
        }
        catch (HostException)
        {
            // Closed before the dial completed on b2's side.
        }

        await HostileFixture.WaitForAsync(() => a.ResourceUsage.Refusals.GetValueOrDefault(ResourceLimitKind.ConnectionsPerPeer) == 1, cts.Token);
        Assert.Equal(1, a.ResourceUsage.RefusalsByScope[ResourceScope.Peer]);
        Assert.Single(a.Connections);
        Assert.Single(await b1.PingAsync(a.PeerId, 1, cts.Token));
    }

    [Fact]
    public async Task OurStreamsBeyondTheConnectionsOutboundLimitFailWithATypedError()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            Yamux = new YamuxOptions { MaxOutboundStreams = 2 },
        });
        await using Libp2pHost b = await HostFixture.StartAsync();
        await (await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token)).Identified.WaitAsync(cts.Token);
        Libp2pConnection c = a.Connections[0];
        await HostileFixture.WaitForAsync(() => c.Session.StreamCount == 0, cts.Token);

        await using Libp2pStream one = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
        await using Libp2pStream two = await a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token);
        HostException refused = await Assert.ThrowsAsync<HostException>(() => a.OpenStreamAsync(b.PeerId, HostFixture.EchoProtocol, cts.Token));

        Assert.Equal(HostError.StreamLimit, refused.Error);
        Assert.Equal(ResourceLimitKind.ConnectionStreams, refused.ResourceLimit);
        Assert.Equal(ResourceScope.Connection, refused.Scope);
        Assert.Equal(1, a.ResourceUsage.Refusals[ResourceLimitKind.ConnectionStreams]);
        Assert.False(c.IsClosed);
    }
}
