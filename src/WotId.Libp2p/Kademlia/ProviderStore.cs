// Provider records (libp2p/specs kad-dht/README.md "Content provider advertisement and discovery"): who can
// provide a key, with their addresses; valid 48 h (spec and go-libp2p-kad-dht ProvideValidity). Bounded in keys
// and in providers per key; a full key replaces its oldest entry.
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>A bounded, expiring provider store. Thread-safe.</summary>
internal sealed class ProviderStore
{
    private readonly Dictionary<string, List<(PeerId Peer, IReadOnlyList<Multiaddress> Addresses, DateTimeOffset Added)>> _byKey =
        new(StringComparer.Ordinal);

    private readonly TimeProvider _time;
    private readonly object _lock = new();

    public ProviderStore(TimeProvider time, int maxKeys, int maxPerKey, TimeSpan validity)
    {
        _time = time;
        MaxKeys = maxKeys;
        MaxPerKey = maxPerKey;
        Validity = validity;
    }

    public int MaxKeys { get; }

    public int MaxPerKey { get; }

    public TimeSpan Validity { get; }

    /// <summary>Adds or refreshes a provider; false when the store holds <see cref="MaxKeys"/> other keys.</summary>
    public bool Add(ReadOnlySpan<byte> key, PeerId peer, IReadOnlyList<Multiaddress> addresses)
    {
        string id = Convert.ToBase64String(key);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_byKey.TryGetValue(id, out var list))
            {
                if (_byKey.Count >= MaxKeys)
                {
                    ExpireAll(now);
                    if (_byKey.Count >= MaxKeys)
                    {
                        return false;
                    }
                }

                list = new();
                _byKey[id] = list;
            }

            list.RemoveAll(p => p.Peer == peer || now - p.Added >= Validity);
            if (list.Count >= MaxPerKey)
            {
                list.RemoveAt(0);
            }

            list.Add((peer, addresses.Take(KadProtocol.MaxAddressesPerPeer).ToList(), now));
            return true;
        }
    }

    /// <summary>Current providers of <paramref name="key"/>, newest last.</summary>
    public List<KadContact> Get(ReadOnlySpan<byte> key)
    {
        string id = Convert.ToBase64String(key);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_lock)
        {
            if (!_byKey.TryGetValue(id, out var list))
            {
                return new();
            }

            list.RemoveAll(p => now - p.Added >= Validity);
            if (list.Count == 0)
            {
                _byKey.Remove(id);
            }

            return list.Select(p => KadContact.Of(p.Peer, p.Addresses)).ToList();
        }
    }

    private void ExpireAll(DateTimeOffset now)
    {
        foreach (var (id, list) in _byKey.ToList())
        {
            list.RemoveAll(p => now - p.Added >= Validity);
            if (list.Count == 0)
            {
                _byKey.Remove(id);
            }
        }
    }
}
