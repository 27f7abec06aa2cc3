using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Libp2p.Host;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Node.Discovery;

namespace WotId.Node.Tests.Discovery;

// Finding a person from a DID alone over the wot.id DHT (/wotid/kad/1.0.0) on real sockets: Alice publishes her
// signed record through a bootstrap node; Bob, who knows only the bootstrap node, fetches it by the DID's key,
// checks it, and connects to the peer id it names. A forged record (Mallory's key, Alice's DID slot) is refused.
public sealed class WotIdDhtResolutionTests
{
    private static async Task<(Libp2pHost Host, KadDht Dht)> StartAsync()
    {
        var host = new Libp2pHost(new Libp2pHostOptions(PeerIdentity.Generate()) { ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")] });
        await host.StartAsync();
        var dht = new KadDht(host, new KadDhtOptions
        {
            ProtocolId = KadProtocol.WotIdProtocolId,
            Validators = new Dictionary<string, IKadRecordValidator> { [WotIdDhtRecord.Namespace] = new WotIdDhtRecordValidator(TimeProvider.System) },
        });
        await dht.StartAsync();
        return (host, dht);
    }

    [Fact]
    public async Task BobFindsAliceFromHerDidThroughABootstrapNode()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        (Libp2pHost bootHost, KadDht boot) = await StartAsync();
        (Libp2pHost aliceHost, KadDht alice) = await StartAsync();
        (Libp2pHost bobHost, KadDht bob) = await StartAsync();
        await using Libp2pHost h1 = bootHost;
        await using Libp2pHost h2 = aliceHost;
        await using Libp2pHost h3 = bobHost;
        await using KadDht d1 = boot;
        await using KadDht d2 = alice;
        await using KadDht d3 = bob;
        Multiaddress bootstrap = bootHost.AdvertisedAddresses[0];
        await alice.BootstrapAsync([bootstrap], cts.Token);
        await bob.BootstrapAsync([bootstrap], cts.Token);

        using SigningKey aliceKey = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        var record = new WotIdDhtRecord(aliceKey.Did, aliceHost.PeerId, aliceHost.ListenAddresses, "alice-mailbox", null, 1, DateTimeOffset.UtcNow.AddHours(1));
        byte[] key = WotIdDhtRecord.KeyOf(aliceKey.Did);
        Assert.True(await alice.PutValueAsync(key, record.Sign(aliceKey), cts.Token) >= 1);

        // A forged record for Alice's slot, signed by Mallory, is refused before it leaves.
        using SigningKey mallory = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        byte[] forged = new WotIdDhtRecord(mallory.Did, bobHost.PeerId, [], null, null, 99, DateTimeOffset.UtcNow.AddHours(1)).Sign(mallory);
        await Assert.ThrowsAsync<KadException>(() => bob.PutValueAsync(key, forged, cts.Token));

        byte[]? value = await bob.GetValueAsync(key, cts.Token);
        WotIdDhtRecord found = WotIdDhtRecord.Open(value!);
        Assert.Equal(aliceHost.PeerId, found.PeerId);
        Assert.Equal("alice-mailbox", found.MailboxId);
        bobHost.PeerStore.AddAddresses(found.PeerId, found.Addresses);
        Libp2pConnection c = await bobHost.ConnectAsync(found.PeerId, cts.Token);
        Assert.Equal(aliceHost.PeerId, c.RemotePeer);
    }
}
