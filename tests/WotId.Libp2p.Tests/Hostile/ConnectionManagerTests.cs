// The connection manager (go-libp2p p2p/net/connmgr): above high water it trims to low water, unverified before
// verified, idle before busy, oldest first; protected peers and connections in their grace period are never trimmed.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.Hostile;

public sealed class ConnectionManagerTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AboveHighWaterIdleConnectionsAreTrimmedAndProtectedBusyOrNewOnesStay()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        TimeSpan grace = TimeSpan.FromSeconds(1);
        await using Libp2pHost hub = await StartHubAsync(gate: null, lowWater: 3, highWater: 5, grace);
        var peers = new List<Libp2pHost>();
        try
        {
            for (int i = 0; i < 5; i++)
            {
                peers.Add(await ConnectAsync(hub, cts.Token));
            }

            hub.ConnectionManager.Protect(peers[0].PeerId, "contact");
            await using Libp2pStream busy = await peers[1].OpenStreamAsync(hub.PeerId, HostFixture.EchoProtocol, cts.Token);
            await busy.WriteAsync(new byte[] { 1 }, cts.Token);
            Assert.Equal(1, await busy.ReadAsync(new byte[1], cts.Token));
            await Task.Delay(grace + TimeSpan.FromMilliseconds(200), cts.Token);

            // The sixth connection crosses high water: the three idle, unprotected connections past their grace go.
            peers.Add(await ConnectAsync(hub, cts.Token));
            await HostileFixture.WaitForAsync(() => hub.Connections.Count == 3, cts.Token);
            Assert.Equal(3, hub.ConnectionManager.TrimmedCount);
            Assert.True(hub.TryGetConnection(peers[0].PeerId, out _));
            Assert.True(hub.TryGetConnection(peers[1].PeerId, out _));
            Assert.True(hub.TryGetConnection(peers[5].PeerId, out _));
            busy.Abort();
        }
        finally
        {
            await Task.WhenAll(peers.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task UnverifiedConnectionsAreTrimmedBeforeVerifiedOnes()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        var verified = new HashSet<PeerId>();
        var gate = new TestGate((c, _) => ValueTask.FromResult(verified.Contains(c.RemotePeer) ? ConnectionGateDecision.Open : ConnectionGateDecision.Hold));
        await using Libp2pHost hub = await StartHubAsync(gate, lowWater: 3, highWater: 4, grace: TimeSpan.Zero);
        var peers = new List<Libp2pHost>();
        try
        {
            // Oldest first alone would pick the verified ones: the unverified, newer ones go before them.
            for (int i = 0; i < 5; i++)
            {
                Libp2pHost p = await HostFixture.StartAsync();
                if (i < 3)
                {
                    lock (verified)
                    {
                        verified.Add(p.PeerId);
                    }
                }

                peers.Add(p);
                await p.DialAsync(HostFixture.AddressOf(hub, ws: false), cts.Token);
                if (i < 4)
                {
                    bool held = i >= 3;
                    await HostileFixture.WaitForAsync(() => hub.TryGetConnection(p.PeerId, out Libp2pConnection? c) && (held || c!.IsGateOpen), cts.Token);
                }
            }

            // The fifth connection crosses high water; two go to reach low water: the two unverified ones.
            await HostileFixture.WaitForAsync(() => hub.ConnectionManager.TrimmedCount == 2 && hub.Connections.Count == 3, cts.Token);
            Assert.All(peers.Take(3), p => Assert.True(hub.TryGetConnection(p.PeerId, out _)));
        }
        finally
        {
            await Task.WhenAll(peers.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task ConnectionsInTheirGracePeriodAreNotTrimmed()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost hub = await StartHubAsync(gate: null, lowWater: 1, highWater: 2, grace: TimeSpan.FromHours(1));
        var peers = new List<Libp2pHost>();
        try
        {
            for (int i = 0; i < 4; i++)
            {
                peers.Add(await ConnectAsync(hub, cts.Token));
            }

            Assert.Equal(0, await hub.ConnectionManager.TrimAsync(cts.Token));
            Assert.Equal(4, hub.Connections.Count);
            Assert.Equal(0, hub.ConnectionManager.TrimmedCount);
        }
        finally
        {
            await Task.WhenAll(peers.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public void ProtectionTagsAreCountedPerTag()
    {
        var options = new Libp2pHostOptions(PeerIdentity.Generate());
        var host = new Libp2pHost(options);
        PeerId peer = PeerIdentity.Generate().PeerId;
        host.ConnectionManager.Protect(peer, "contact");
        host.ConnectionManager.Protect(peer, "relay");
        Assert.True(host.ConnectionManager.Unprotect(peer, "contact"));
        Assert.True(host.ConnectionManager.IsProtected(peer));
        Assert.False(host.ConnectionManager.Unprotect(peer, "relay"));
        Assert.False(host.ConnectionManager.IsProtected(peer));
    }

    private static Task<Libp2pHost> StartHubAsync(IConnectionGate? gate, int lowWater, int highWater, TimeSpan grace) =>
        HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            ConnectionGate = gate,
            ConnectionManager = new ConnectionManagerOptions { LowWater = lowWater, HighWater = highWater, GracePeriod = grace, CheckInterval = TimeSpan.FromHours(1) },
        });

    private static async Task<Libp2pHost> ConnectAsync(Libp2pHost hub, CancellationToken cancellationToken)
    {
        Libp2pHost p = await HostFixture.StartAsync();
        Libp2pConnection c = await p.DialAsync(HostFixture.AddressOf(hub, ws: false), cancellationToken);
        await c.Identified.WaitAsync(cancellationToken);
        await HostileFixture.WaitForAsync(() => hub.TryGetConnection(p.PeerId, out _), cancellationToken);
        return p;
    }
}
