// What the peer store keeps per peer is bounded (PeerStore.MaxAddressesPerPeer, MaxProtocolsPerPeer; docs/limits.md):
// an identify (libp2p/specs identify/README.md: listenAddrs, protocols, signedPeerRecord) announcing more is truncated
// to the first 32 addresses and 128 protocols, whether the addresses come unsigned or in a signed peer record
// (RFC 0003). Real hosts on 127.0.0.1 and the store on its own.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;

namespace WotId.Libp2p.Tests.Host;

public sealed class PeerStoreCapTests
{
    private const int Announced = 40;
    private const int Handlers = 200;

    [Fact]
    public async Task AnIdentifyWithMoreAddressesAndProtocolsThanTheCapsIsTruncatedToThem()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // 40 TCP listeners and 200 protocols (about 3 KiB of identify, under its 8 KiB limit).
        await using Libp2pHost peer = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = Enumerable.Repeat(HostFixture.Tcp, Announced).ToList(),
        });
        for (int i = 0; i < Handlers; i++)
        {
            peer.SetHandler($"/t/{i:000}", HostFixture.EchoAsync);
        }

        await using Libp2pHost victim = await HostFixture.StartAsync();
        Libp2pConnection c = await victim.DialAsync(HostFixture.AddressOf(peer, ws: false), cts.Token);
        IdentifyMessage sent = await c.Identified.WaitAsync(cts.Token);
        Assert.Equal(Announced, sent.ListenAddrs.Count);
        Assert.True(sent.Protocols.Count > Handlers);

        PeerInfo stored = Assert.IsType<PeerInfo>(victim.PeerStore.Get(peer.PeerId));
        Assert.Equal(PeerStore.MaxAddressesPerPeer, stored.Addresses.Count);
        Assert.Subset(peer.ListenAddresses.ToHashSet(), stored.Addresses.ToHashSet());
        Assert.Equal(PeerStore.MaxProtocolsPerPeer, stored.Protocols.Count);
        Assert.Equal(sent.Protocols.Take(PeerStore.MaxProtocolsPerPeer), stored.Protocols);
    }

    [Fact]
    public void TheStoreKeepsTheFirstAddressesAndProtocolsUpToItsCaps()
    {
        var store = new PeerStore();
        using PeerIdentity id = PeerIdentity.Generate();
        List<Multiaddress> many = Enumerable.Range(0, Announced).Select(i => Multiaddress.Parse($"/ip4/192.0.2.{i + 1}/tcp/4001")).ToList();

        store.AddAddresses(id.PeerId, many);
        store.AddAddresses(id.PeerId, [Multiaddress.Parse("/ip4/198.51.100.1/tcp/4001")]);
        store.SetProtocols(id.PeerId, Enumerable.Range(0, Handlers).Select(i => $"/t/{i:000}").Concat(["/t/000"]));

        PeerInfo info = store.Get(id.PeerId)!;
        Assert.Equal(many.Take(PeerStore.MaxAddressesPerPeer), info.Addresses);
        Assert.Equal(Enumerable.Range(0, PeerStore.MaxProtocolsPerPeer).Select(i => $"/t/{i:000}"), info.Protocols);

        // A signed record replaces the addresses: its first 32, newer sequence only.
        List<Multiaddress> other = Enumerable.Range(0, Announced).Select(i => Multiaddress.Parse($"/ip4/203.0.113.{i + 1}/tcp/4001")).ToList();
        Assert.True(store.TryUpdateFromRecord(new PeerRecord(id.PeerId, 2, other)));
        Assert.False(store.TryUpdateFromRecord(new PeerRecord(id.PeerId, 2, many)));
        Assert.Equal(other.Take(PeerStore.MaxAddressesPerPeer), store.GetAddresses(id.PeerId));
    }
}
