using System.Collections.Generic;
using System.Linq;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Kademlia;

// k-bucket routing table (libp2p/specs kad-dht/README.md "Kademlia routing table").
public sealed class RoutingTableTests
{
    private static List<PeerId> Peers(int n) => Enumerable.Range(0, n).Select(_ => PeerIdentity.Generate().PeerId).ToList();

    [Fact]
    public void ClosestReturnsPeersInXorOrder()
    {
        var table = new RoutingTable(PeerIdentity.Generate().PeerId);
        List<PeerId> peers = Peers(60);
        foreach (PeerId p in peers)
        {
            table.TryAdd(p, []);
        }

        KadKey target = KadKey.FromData([1, 2, 3]);
        List<KadContact> closest = table.Closest(target, 20);
        List<KadKey> expected = table.All().Select(c => c.Key.Xor(target)).Order().Take(20).ToList();
        Assert.Equal(expected, closest.Select(c => c.Key.Xor(target)).ToList());
    }

    [Fact]
    public void AFullBucketKeepsItsPeersAndARemovalMakesRoom()
    {
        var table = new RoutingTable(PeerIdentity.Generate().PeerId, bucketSize: 2);
        // Half of all keys fall in bucket 0 (first bit differs from ours): collect three of them.
        List<PeerId> far = Peers(64).Where(p => KadKey.ForPeer(p).CommonPrefixLength(table.SelfKey) == 0).Take(3).ToList();
        Assert.True(table.TryAdd(far[0], []));
        Assert.True(table.TryAdd(far[1], []));
        Assert.False(table.TryAdd(far[2], []));
        Assert.Equal(2, table.BucketCount(0));
        Assert.True(table.Remove(far[0]));
        Assert.True(table.TryAdd(far[2], []));
        Assert.Null(table.Find(far[0]));
    }

    [Fact]
    public void OurselvesIsNeverAdded()
    {
        PeerId self = PeerIdentity.Generate().PeerId;
        var table = new RoutingTable(self);
        Assert.False(table.TryAdd(self, []));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void DistanceIsXorOfSha256()
    {
        KadKey a = KadKey.FromData([1]);
        KadKey b = KadKey.FromData([2]);
        Assert.Equal(256, a.Xor(a).LeadingZeros());
        Assert.Equal(a.Xor(b), b.Xor(a));
        Assert.Equal(KadKey.FromHash(System.Security.Cryptography.SHA256.HashData(new byte[] { 1 })), a);
    }
}
