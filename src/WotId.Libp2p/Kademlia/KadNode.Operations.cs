// DHT operations built on lookups (libp2p/specs kad-dht/README.md "Peer routing", "Value storage and
// retrieval", "Content provider advertisement and discovery", "Bootstrap process").
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

internal sealed partial class KadNode
{
    /// <summary>Iterative FIND_NODE toward <paramref name="key"/>: the k closest peers that answered.</summary>
    public Task<LookupResult> GetClosestPeersAsync(byte[] key, CancellationToken cancellationToken) =>
        LookupAsync(new KadMessage(KadMessageType.FindNode, key), null, cancellationToken);

    /// <summary>Finds <paramref name="peer"/> and its addresses (a routing-table hit answers without a lookup).</summary>
    public async Task<KadContact?> FindPeerAsync(PeerId peer, CancellationToken cancellationToken)
    {
        if (Table.Find(peer) is { } known)
        {
            return known;
        }

        LookupResult r = await FindPeerLookupAsync(peer, cancellationToken).ConfigureAwait(false);
        return r.Exact;
    }

    /// <summary>The FIND_NODE lookup of <paramref name="peer"/>, stopping as soon as a peer names it.</summary>
    internal Task<LookupResult> FindPeerLookupAsync(PeerId peer, CancellationToken cancellationToken) =>
        LookupAsync(
            new KadMessage(KadMessageType.FindNode, peer.Bytes.ToArray()),
            (_, m) => m.CloserPeers.Exists(p => p.Id.AsSpan().SequenceEqual(peer.Bytes.Span)),
            cancellationToken);

    /// <summary>Validates and stores <paramref name="record"/> locally, then on the k closest peers; how many took it.</summary>
    public async Task<int> PutValueAsync(KadRecord record, CancellationToken cancellationToken)
    {
        _validators.Validate(record.Key, record.Value);
        if (_options.Mode == KadMode.Server)
        {
            Records.Put(record);
        }

        LookupResult closest = await GetClosestPeersAsync(record.Key, cancellationToken).ConfigureAwait(false);
        var put = new KadMessage(KadMessageType.PutValue, record.Key) { Record = new KadRecord(record.Key, record.Value) };
        bool[] ok = await Task.WhenAll(closest.Closest.Select(c => TrySendAsync(c, put, cancellationToken))).ConfigureAwait(false);
        return ok.Count(x => x);
    }

    /// <summary>The best valid value of <paramref name="key"/> (the validator's selection among up to the quorum found).</summary>
    public async Task<byte[]?> GetValueAsync(byte[] key, CancellationToken cancellationToken)
    {
        var values = new List<byte[]>();
        if (Records.Get(key) is { } local)
        {
            values.Add(local.Value);
        }

        var gate = new object();
        try
        {
            await LookupAsync(new KadMessage(KadMessageType.GetValue, key), OnResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (KadException e) when (e.Error == KadError.NoPeers && values.Count > 0)
        {
            // A node that knows no peer yet (a lone bootstrap node, or one whose peers all left) still answers from
            // its own record store, as it would answer a GET_VALUE from a peer.
        }

        return values.Count == 0 ? null : values[_validators.Select(key, values)];

        bool OnResponse(KadContact _, KadMessage m)
        {
            if (m.Record is { } r && r.Key.AsSpan().SequenceEqual(key))
            {
                try
                {
                    _validators.Validate(key, r.Value);
                    lock (gate)
                    {
                        values.Add(r.Value);
                    }
                }
                catch (KadException)
                {
                    // A forged or stale value from one peer does not end the lookup.
                }
            }

            lock (gate)
            {
                return values.Count >= _options.GetQuorum;
            }
        }
    }

    /// <summary>Announces us as a provider of <paramref name="key"/> to the k closest peers; how many were told.</summary>
    public async Task<int> ProvideAsync(byte[] key, CancellationToken cancellationToken)
    {
        var self = KadContact.Of(Self, SelfAddresses());
        if (_options.Mode == KadMode.Server && self.Addresses.Count > 0)
        {
            Providers.Add(key, Self, self.Addresses);
        }

        LookupResult closest = await GetClosestPeersAsync(key, cancellationToken).ConfigureAwait(false);
        var add = new KadMessage(KadMessageType.AddProvider, key);
        add.ProviderPeers.Add(self.ToWire());
        bool[] ok = await Task.WhenAll(closest.Closest.Select(c => TrySendAsync(c, add, cancellationToken))).ConfigureAwait(false);
        return ok.Count(x => x);
    }

    /// <summary>Providers of <paramref name="key"/>, up to <paramref name="max"/>.</summary>
    public async Task<List<KadContact>> FindProvidersAsync(byte[] key, int max, CancellationToken cancellationToken)
    {
        var found = new Dictionary<PeerId, KadContact>();
        foreach (KadContact c in Providers.Get(key))
        {
            found[c.Id] = c;
        }

        var gate = new object();
        if (found.Count < max)
        {
            await LookupAsync(new KadMessage(KadMessageType.GetProviders, key), (_, m) =>
            {
                lock (gate)
                {
                    foreach (KadPeer p in m.ProviderPeers)
                    {
                        if (p.TryGetPeerId() is { } id && found.Count < max)
                        {
                            found.TryAdd(id, KadContact.Of(id, p.ParsedAddresses()));
                        }
                    }

                    return found.Count >= max;
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        return found.Values.ToList();
    }

    /// <summary>
    /// Bootstrap and refresh: a lookup of our own key (fills the near buckets) and of <paramref name="randomLookups"/>
    /// random keys (fill the far ones).
    /// </summary>
    public async Task RefreshAsync(int randomLookups, CancellationToken cancellationToken)
    {
        await GetClosestPeersAsync(Self.Bytes.ToArray(), cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < randomLookups; i++)
        {
            await GetClosestPeersAsync(RandomNumberGenerator.GetBytes(32), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<LookupResult> LookupAsync(KadMessage request, Func<KadContact, KadMessage, bool>? onResponse, CancellationToken cancellationToken)
    {
        KadKey target = KadKey.FromData(request.Key);
        List<KadContact> seeds = Table.Closest(target, _options.BucketSize);
        if (seeds.Count == 0)
        {
            throw new KadException(KadError.NoPeers, "the routing table is empty; bootstrap first");
        }

        var lookup = new KadLookup(Self, target)
        {
            OnResponse = (c, m) =>
            {
                // A peer that answered on the DHT protocol is a DHT server: keep it.
                Table.TryAdd(c.Id, c.Addresses);
                return onResponse?.Invoke(c, m) ?? false;
            },
            OnFailure = (c, _) => Table.Remove(c.Id),
        };
        return await lookup.RunAsync(seeds, (c, ct) => QueryAsync(c, request, ct), _options.BucketSize, _options.Alpha, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<KadMessage?> QueryAsync(KadContact peer, KadMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new TimeoutScope(_options.TimeProvider, _options.RequestTimeout, cancellationToken);
        KadMessage? response = await _network.SendAsync(peer, request, timeout.Token).ConfigureAwait(false);
        if (response is null || response.Type != request.Type)
        {
            throw new KadException(KadError.UnexpectedResponse, "the peer answered with another message type");
        }

        return response;
    }

    private async Task<bool> TrySendAsync(KadContact peer, KadMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new TimeoutScope(_options.TimeProvider, _options.RequestTimeout, cancellationToken);
            await _network.SendAsync(peer, request, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is System.IO.IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
