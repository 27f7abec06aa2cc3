// The peer store is bounded (PeerStore.MaxPeers) and evicts the least recently seen peer when full: inbound-only
// peers first, dialled peers after them, connected peers never. Throwaway identities must not fill it for good.
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Host;

public sealed class PeerStoreEvictionTests
{
    private static readonly Multiaddress s_address = Multiaddress.Parse("/ip4/192.0.2.1/tcp/4001");

    [Fact]
    public void TwentyThousandThrowawayIdentitiesDoNotStopNewPeersBeingLearned()
    {
        var store = new PeerStore();
        PeerId dialled = Throwaway();
        store.MarkDialled(dialled);
        store.AddAddresses(dialled, [s_address]);
        PeerId connected = Throwaway();
        store.MarkConnected(connected);
        store.AddAddresses(connected, [s_address]);

        var flood = new List<PeerId>(20_000);
        for (int i = 0; i < 20_000; i++)
        {
            PeerId p = Throwaway();
            flood.Add(p);
            store.AddAddresses(p, [s_address]);
        }

        PeerId newcomer = Throwaway();
        store.AddAddresses(newcomer, [Multiaddress.Parse("/ip4/198.51.100.7/tcp/4001")]);

        Assert.Equal(PeerStore.MaxPeers, store.Count);
        Assert.Single(store.GetAddresses(newcomer));
        Assert.NotNull(store.Get(dialled));
        Assert.NotNull(store.Get(connected));
        Assert.Null(store.Get(flood[0]));
        Assert.NotNull(store.Get(flood[^1]));
    }

    [Fact]
    public void TheLeastRecentlySeenInboundPeerGoesFirstAndDialledPeersLast()
    {
        var store = new PeerStore();
        var peers = new List<PeerId>();
        for (int i = 0; i < PeerStore.MaxPeers; i++)
        {
            PeerId p = Throwaway();
            peers.Add(p);
            store.AddAddresses(p, [s_address]);
        }

        // peers[0] was seen again, peers[1] was dialled: peers[2] is now the least recently seen inbound-only peer.
        store.SetAgentVersion(peers[0], "seen again");
        store.MarkDialled(peers[1]);
        store.AddAddresses(Throwaway(), [s_address]);

        Assert.NotNull(store.Get(peers[0]));
        Assert.NotNull(store.Get(peers[1]));
        Assert.Null(store.Get(peers[2]));

        // A whole turnover of inbound-only peers leaves the dialled one in place.
        for (int i = 0; i < PeerStore.MaxPeers; i++)
        {
            store.AddAddresses(Throwaway(), [s_address]);
        }

        Assert.Null(store.Get(peers[0]));
        Assert.NotNull(store.Get(peers[1]));
    }

    [Fact]
    public void ADisconnectedPeerBecomesEvictable()
    {
        var store = new PeerStore();
        PeerId connected = Throwaway();
        store.MarkConnected(connected);
        for (int i = 0; i < PeerStore.MaxPeers; i++)
        {
            store.AddAddresses(Throwaway(), [s_address]);
        }

        Assert.NotNull(store.Get(connected));
        store.MarkDisconnected(connected);
        for (int i = 0; i < PeerStore.MaxPeers; i++)
        {
            store.AddAddresses(Throwaway(), [s_address]);
        }

        Assert.Null(store.Get(connected));
    }

    [Fact]
    public void AStoreFullOfDialledPeersStillLearnsNewOnes()
    {
        var store = new PeerStore();
        var dialled = new List<PeerId>();
        for (int i = 0; i < PeerStore.MaxPeers; i++)
        {
            PeerId p = Throwaway();
            dialled.Add(p);
            store.MarkDialled(p);
        }

        PeerId newcomer = Throwaway();
        store.AddAddresses(newcomer, [s_address]);

        Assert.Single(store.GetAddresses(newcomer));
        Assert.Null(store.Get(dialled[0]));
        Assert.NotNull(store.Get(dialled[1]));
    }

    [Fact]
    public async Task AHostKeepsThePeersItDialledThroughAFlood()
    {
        using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        Libp2pConnection c = await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
        await c.CloseAsync();
        while (a.Connections.Count > 0)
        {
            await Task.Delay(10, cts.Token);
        }

        for (int i = 0; i < 20_000; i++)
        {
            a.PeerStore.AddAddresses(Throwaway(), [s_address]);
        }

        // Dialled, then disconnected: still known, and reachable again through its stored address.
        Assert.NotEmpty(a.PeerStore.GetAddresses(b.PeerId));
        await a.ConnectAsync(b.PeerId, cts.Token);
    }

    private static PeerId Throwaway()
    {
        using PeerIdentity identity = PeerIdentity.FromSeed(RandomNumberGenerator.GetBytes(32));
        return identity.PeerId;
    }
}
