// libp2p/specs kad-dht/README.md "Kademlia routing table": 256 k-buckets indexed by the common prefix length of a
// peer's key with ours; each bucket keeps at most k peers, least recently seen first. A full bucket keeps its old,
// live peers and drops the newcomer (Kademlia paper §2.2: old peers are the likeliest to stay); peers that fail a
// request are removed, which makes room.
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>The k-bucket routing table of one node. Thread-safe.</summary>
internal sealed class RoutingTable
{
    private readonly List<KadContact>[] _buckets = new List<KadContact>[KadKey.Bits];
    private readonly object _lock = new();
    private int _count;

    public RoutingTable(PeerId self, int bucketSize = KadProtocol.K)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketSize, 1);
        Self = self;
        SelfKey = KadKey.ForPeer(self);
        BucketSize = bucketSize;
        for (int i = 0; i < _buckets.Length; i++)
        {
            _buckets[i] = new List<KadContact>();
        }
    }

    public PeerId Self { get; }

    public KadKey SelfKey { get; }

    public int BucketSize { get; }

    public int Count
    {
        get { lock (_lock) { return _count; } }
    }

    /// <summary>
    /// Adds <paramref name="peer"/> or marks it seen (moving it to the bucket's tail and taking the new addresses
    /// when any are given). False when the bucket is full or the peer is ourselves.
    /// </summary>
    public bool TryAdd(PeerId peer, IReadOnlyList<Multiaddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (peer == Self)
        {
            return false;
        }

        KadKey key = KadKey.ForPeer(peer);
        List<KadContact> bucket = _buckets[Math.Min(key.CommonPrefixLength(SelfKey), KadKey.Bits - 1)];
        lock (_lock)
        {
            int i = bucket.FindIndex(c => c.Id == peer);
            if (i >= 0)
            {
                KadContact old = bucket[i];
                bucket.RemoveAt(i);
                bucket.Add(addresses.Count > 0 ? old with { Addresses = Trim(addresses) } : old);
                return true;
            }

            if (bucket.Count >= BucketSize)
            {
                return false;
            }

            bucket.Add(new KadContact(peer, key, Trim(addresses)));
            _count++;
            return true;
        }
    }

    /// <summary>Removes a peer (it failed a request or left).</summary>
    public bool Remove(PeerId peer)
    {
        KadKey key = KadKey.ForPeer(peer);
        List<KadContact> bucket = _buckets[Math.Min(key.CommonPrefixLength(SelfKey), KadKey.Bits - 1)];
        lock (_lock)
        {
            int removed = bucket.RemoveAll(c => c.Id == peer);
            _count -= removed;
            return removed > 0;
        }
    }

    public KadContact? Find(PeerId peer)
    {
        KadKey key = KadKey.ForPeer(peer);
        List<KadContact> bucket = _buckets[Math.Min(key.CommonPrefixLength(SelfKey), KadKey.Bits - 1)];
        lock (_lock)
        {
            return bucket.Find(c => c.Id == peer);
        }
    }

    /// <summary>The <paramref name="count"/> known peers nearest to <paramref name="target"/>, nearest first.</summary>
    public List<KadContact> Closest(KadKey target, int count, PeerId? exclude = null)
    {
        lock (_lock)
        {
            return _buckets.SelectMany(b => b)
                .Where(c => c.Id != exclude)
                .OrderBy(c => c.Key.Xor(target))
                .Take(count)
                .ToList();
        }
    }

    /// <summary>Every peer, for diagnostics and tests.</summary>
    public List<KadContact> All()
    {
        lock (_lock)
        {
            return _buckets.SelectMany(b => b).ToList();
        }
    }

    /// <summary>Peers in bucket <paramref name="index"/> (common prefix length with us).</summary>
    public int BucketCount(int index)
    {
        lock (_lock)
        {
            return _buckets[index].Count;
        }
    }

    private static List<Multiaddress> Trim(IReadOnlyList<Multiaddress> addresses) =>
        addresses.Take(KadProtocol.MaxAddressesPerPeer).ToList();
}
